from calculations import math_operations

result = math_operations.add(3, 4)
print(result)  # Output: 7
