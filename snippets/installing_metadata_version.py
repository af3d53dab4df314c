import importlib.util
from importlib.metadata import PackageNotFoundError, version

# calculations/ sits next to this script: it can be imported, but it was never installed.
print(importlib.util.find_spec("calculations") is not None)  # Output: True
try:
    print(version("calculations"))
except PackageNotFoundError as error:
    print("not installed:", error)  # Output: not installed: No package metadata was found for calculations
