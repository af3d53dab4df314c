from distance import km_to_miles
from temperature import celsius_to_fahrenheit
from weight import kg_to_pounds

print(celsius_to_fahrenheit(100))
print(km_to_miles(42.195))
print(kg_to_pounds(70))
