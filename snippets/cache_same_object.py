import math_operations
import math_operations as again
from math_operations import add

# Every import of a module gives the one object in sys.modules.
print(again is math_operations)  # Output: True
print(add is math_operations.add)  # Output: True
