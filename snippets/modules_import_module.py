import importlib

# The module's name is a string, known only when the program runs.
for name in ["math", "statistics"]:
    module = importlib.import_module(name)
    print(module.__name__, module.sqrt(16) if name == "math" else module.mean([2, 4, 9]))
# Output:
# math 4.0
# statistics 5

# A dotted name imports the submodule and returns it, not the package.
trigonometry = importlib.import_module("calculations.trigonometry")
print(trigonometry.__name__)  # Output: calculations.trigonometry
print(trigonometry.hypotenuse(3, 4))  # Output: 5.0

# The same module object that `import` gives: it comes from the same cache.
import calculations.trigonometry

print(trigonometry is calculations.trigonometry)  # Output: True

# A name that exists nowhere fails as `import trigonometry` would.
importlib.import_module("trigonometry")
# Raises: ModuleNotFoundError: No module named 'trigonometry'
