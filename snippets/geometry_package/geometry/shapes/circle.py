"""Circles whose radius is given in inches."""

import math

from .. import units  # the module units.py of the parent package, geometry


def area_cm2(radius_inches):
    """The area in square centimetres."""
    radius = units.inches_to_cm(radius_inches)
    return round(math.pi * radius * radius, 2)
