import os

import geometry.shapes.circle
from geometry.shapes import square

print(square.area_cm2(1))
print(geometry.shapes.circle.area_cm2(1))
print(square.__name__, square.__spec__.parent)
print([os.path.relpath(folder) for folder in geometry.shapes.__path__])
