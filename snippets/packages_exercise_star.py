import calculations.trigonometry  # noqa: F401  (loaded before the import *)
from calculations import *

# __all__ is defined, so it alone decides: trigonometry is not in it.
print(sorted(name for name in dir() if not name.startswith("_")))
# Output:
# ['add', 'calculations', 'subtract']
