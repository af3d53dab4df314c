import calculations

print(calculations.add(1, 1))  # Output: 2
print(calculations.trigonometry.hypotenuse(3, 4))
# Raises: AttributeError: module 'calculations' has no attribute 'trigonometry'
