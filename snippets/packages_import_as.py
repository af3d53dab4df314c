import calculations.trigonometry as trig

print(trig.hypotenuse(3, 4))  # Output: 5.0
print(trig.__name__)  # Output: calculations.trigonometry
# Only the alias is bound: the name `calculations` is not.
print("trig" in globals(), "calculations" in globals())  # Output: True False
