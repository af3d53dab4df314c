from calculations import trigonometry

print([name for name in dir(trigonometry) if not name.startswith("_")])
# Output:
# ['cos_degrees', 'hypotenuse', 'math', 'sin_degrees']
print(trigonometry.__doc__.splitlines()[0])
# Output:
# Trigonometry in degrees, built on the standard library's `math` module.
