import importlib

import math_operations
from math_operations import add

reloaded = importlib.reload(math_operations)  # runs math_operations.py again
print(reloaded is math_operations)  # Output: True
# The module got new functions, but names taken from it earlier still hold the old ones.
print(add is math_operations.add)  # Output: False
