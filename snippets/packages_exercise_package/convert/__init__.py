"""Unit conversions: temperature, distance and weight."""

from .distance import km_to_miles
from .temperature import celsius_to_fahrenheit
from .weight import kg_to_pounds

__all__ = ["celsius_to_fahrenheit", "kg_to_pounds", "km_to_miles"]
