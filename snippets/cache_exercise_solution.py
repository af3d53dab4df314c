import sys

import calculations

del sys.modules["calculations"]  # forget the cached module...
import calculations as fresh  # ...so this import runs __init__.py again

print(fresh is calculations)  # Output: False
