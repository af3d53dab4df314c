import os

import calculations
import math_operations

# __file__ is where the module was loaded from; relpath shows it from the current folder.
print(os.path.relpath(math_operations.__file__))  # Output: math_operations.py
print(os.path.relpath(calculations.__file__))  # Output: calculations/__init__.py
