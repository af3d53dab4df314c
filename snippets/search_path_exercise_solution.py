import importlib.util
import os

spec = importlib.util.find_spec("calculations.trigonometry")
print(os.path.relpath(spec.origin))  # Output: calculations/trigonometry.py
