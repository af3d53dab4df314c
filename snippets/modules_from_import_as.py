from cmath import sqrt as complex_sqrt  # cmath: the same functions, for complex numbers
from math import sqrt

# Two functions called sqrt, each bound to a name of its own.
print(sqrt(16))  # Output: 4.0
print(complex_sqrt(-16))  # Output: 4j
# The alias names a variable; the function keeps its own name.
print(complex_sqrt.__name__)  # Output: sqrt
