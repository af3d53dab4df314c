"""Geometry in inches and centimetres: a package with a subpackage."""

from . import units  # the module units.py in this package's folder

__all__ = ["units"]

print(f"{__name__} is imported")
