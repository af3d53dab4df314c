import math

from calculations.trigonometry import cos_degrees, sin_degrees

print(sin_degrees(30))  # Output: 0.49999999999999994
print(sin_degrees(30) == 0.5)  # Output: False
print(math.isclose(sin_degrees(30), 0.5))  # Output: True
print(round(cos_degrees(90), 12))  # Output: 0.0

for angle in (0, 30, 45, 60, 90):
    print(f"sin({angle}°) = {sin_degrees(angle):.4f}")
# Output:
# sin(0°) = 0.0000
# sin(30°) = 0.5000
# sin(45°) = 0.7071
# sin(60°) = 0.8660
# sin(90°) = 1.0000
