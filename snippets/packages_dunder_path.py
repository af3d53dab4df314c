import os

import calculations
import math_operations

# A package has __path__, the folders its submodules are searched in; a module has none.
print([os.path.relpath(folder) for folder in calculations.__path__])  # Output: ['calculations']
print(hasattr(math_operations, "__path__"))  # Output: False
