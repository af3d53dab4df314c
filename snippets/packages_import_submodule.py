import calculations.trigonometry

print(calculations.trigonometry.hypotenuse(3, 4))  # Output: 5.0
