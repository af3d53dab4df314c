from calculations import *

# `import *` binds exactly the names in calculations.__all__.
print(sorted(name for name in dir() if not name.startswith("_")))  # Output: ['add', 'subtract']
