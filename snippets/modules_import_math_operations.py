import math_operations

result = math_operations.add(3, 4)
print(result)  # Output: 7
print(math_operations.subtract(10, 4))  # Output: 6
