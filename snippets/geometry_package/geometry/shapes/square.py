"""Squares whose side is given in inches."""

# `..` is the parent package, geometry: this imports from geometry/units.py.
from ..units import inches_to_cm


def area_cm2(side_inches):
    """The area in square centimetres."""
    side = inches_to_cm(side_inches)
    return round(side * side, 2)


if __name__ == "__main__":
    print(f"a 1-inch square covers {area_cm2(1)} cm²")
