import importlib.util
import os

# find_spec searches sys.path the way import does, without running the module.
spec = importlib.util.find_spec("math_operations")
print(spec.name)  # Output: math_operations
print(os.path.relpath(spec.origin))  # Output: math_operations.py
print(importlib.util.find_spec("no_such_module"))  # Output: None
