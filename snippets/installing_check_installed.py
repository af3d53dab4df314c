import importlib.util

# Is a package installed? Ask the import system, without importing it.
print(importlib.util.find_spec("json") is not None)  # Output: True
print(importlib.util.find_spec("no_such_package_here") is not None)  # Output: False
