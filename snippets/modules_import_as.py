import math_operations as ops

print(ops.add(2, 3))  # Output: 5
print(ops.__name__)  # Output: math_operations
