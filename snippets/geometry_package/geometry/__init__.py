"""Geometry in inches and centimetres: a package with a subpackage."""

from . import units  # the module units.py in this package's folder

print(f"{__name__} is imported")
