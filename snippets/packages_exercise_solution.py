from calculations.trigonometry import hypotenuse

print(hypotenuse(5, 12))  # Output: 13.0
