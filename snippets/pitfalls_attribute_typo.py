import math_operations

print(math_operations.ad(3, 4))
# Raises: AttributeError: module 'math_operations' has no attribute 'ad'. Did you mean: 'add'?
