import calculations.math_operations

result = calculations.math_operations.add(3, 4)
print(result)  # Output: 7
