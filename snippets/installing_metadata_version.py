from importlib.metadata import PackageNotFoundError, version

import calculations  # importable: calculations/ sits next to this script

print(calculations.__name__)  # Output: calculations
try:
    print(version("calculations"))
except PackageNotFoundError as error:
    print("not installed:", error)  # Output: not installed: No package metadata was found for calculations
