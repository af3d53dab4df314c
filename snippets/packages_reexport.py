import calculations
from calculations import add

print(add(3, 4))  # Output: 7
print(add is calculations.math_operations.add)  # Output: True
