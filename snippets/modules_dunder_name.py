import math_operations

print(math_operations.__name__)  # Output: math_operations
print(__name__)  # Output: __main__
