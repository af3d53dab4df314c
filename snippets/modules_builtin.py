import sys

# A few modules are compiled into the interpreter itself: there is no file to point to.
print("sys" in sys.builtin_module_names)  # Output: True
print(hasattr(sys, "__file__"))  # Output: False
