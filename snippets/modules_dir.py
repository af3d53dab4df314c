import math_operations

public = [name for name in dir(math_operations) if not name.startswith("_")]
print(public)  # Output: ['add', 'subtract']
print(math_operations.__doc__)  # Output: Add and subtract two numbers: the first module of the tutorial.
