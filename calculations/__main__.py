"""Run the package as a program: `python -m calculations` runs this file."""

from calculations import add, subtract
from calculations.trigonometry import hypotenuse

print(f"add(3, 4) = {add(3, 4)}")
print(f"subtract(3, 4) = {subtract(3, 4)}")
print(f"hypotenuse(3, 4) = {hypotenuse(3, 4)}")
