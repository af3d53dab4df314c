import math_operation  # Raises: ModuleNotFoundError: No module named 'math_operation'

print(math_operation.add(3, 4))  # never reached: the import above fails
