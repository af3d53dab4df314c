import importlib.util

for name in ("json", "no_such_package_here", "calculations"):
    print(name, "found" if importlib.util.find_spec(name) else "missing")
# Output:
# json found
# no_such_package_here missing
# calculations found
