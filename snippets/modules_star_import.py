from math_operations import *

print(add(1, 2))  # Output: 3
print(subtract(5, 3))  # Output: 2
