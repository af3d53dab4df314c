import calculations.trigonometry

# Imported, a module's __name__ is its full dotted name, never "__main__".
print(calculations.trigonometry.__name__)  # Output: calculations.trigonometry
print(__name__)  # Output: __main__
