import calculations
import calculations.math_operations

# The package re-exports its submodule's function instead of copying it,
# so a fix made in calculations/math_operations.py reaches every caller.
print(calculations.add is calculations.math_operations.add)  # Output: True
print(calculations.add.__module__)  # Output: calculations.math_operations
