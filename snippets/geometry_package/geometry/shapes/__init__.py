"""Shapes, one module each: import them by name, as in `geometry.shapes.square`."""

print(f"{__name__} is imported")
