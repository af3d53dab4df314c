import sys

print("calculations" in sys.modules)  # Output: False
import calculations  # imported here, to show sys.modules before and after

print(sys.modules["calculations"] is calculations)  # Output: True
# __init__.py imported this submodule, so it is cached too; trigonometry was never imported.
print("calculations.math_operations" in sys.modules)  # Output: True
print("calculations.trigonometry" in sys.modules)  # Output: False
