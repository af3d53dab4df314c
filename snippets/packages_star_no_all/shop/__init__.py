"""A package without __all__."""

TAX_RATE = 0.2
_DISCOUNT = 0.1  # starts with an underscore: never given by import *
