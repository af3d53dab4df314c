import math

import calculations.math_operations
import math_operations

# Two modules may define the same names: each lives in its own namespace.
print(math_operations.add(1, 2))  # Output: 3
print(calculations.math_operations.add(1, 2))  # Output: 3
print(math_operations.add is calculations.math_operations.add)  # Output: False

# Your own variable called `add` doesn't clash with either of them.
add = "a string, not a function"
print(math_operations.add(add[:2], "!"))  # Output: a !

# The standard library's modules are namespaces too: `pi` here is `math.pi`.
print(math.pi)  # Output: 3.141592653589793
