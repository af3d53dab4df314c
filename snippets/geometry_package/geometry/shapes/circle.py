"""Circles whose radius is given in inches."""

import math

from .. import units  # the sibling package's module, reached through the parent


def area_cm2(radius_inches):
    """The area in square centimetres."""
    radius = units.inches_to_cm(radius_inches)
    return round(math.pi * radius * radius, 2)
