from convert import celsius_to_fahrenheit, kg_to_pounds, km_to_miles

print(celsius_to_fahrenheit(100))
print(km_to_miles(42.195))
print(kg_to_pounds(70))
