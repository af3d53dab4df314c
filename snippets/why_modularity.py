from calculations.math_operations import add
from calculations.trigonometry import hypotenuse

# Each module does one job; this script only combines them.
legs = (6, 8)
print(f"legs add up to {add(*legs)}")  # Output: legs add up to 14
print(f"the hypotenuse is {hypotenuse(*legs)}")  # Output: the hypotenuse is 10.0
