"""Trigonometry in degrees, built on the standard library's `math` module.

`math.sin` and friends take radians; these helpers take degrees, which is how most
people think of angles. The results are floating-point numbers, so some that are
exact on paper come out a tiny bit off: `sin_degrees(30)` is not exactly `0.5`.
"""

import math


# --8<-- [start:sin_degrees]
def sin_degrees(angle):
    """Return the sine of `angle`, given in degrees.

    Examples:
        ```python
        from calculations.trigonometry import sin_degrees

        print(sin_degrees(90))  # Output: 1.0
        print(sin_degrees(30))  # Output: 0.49999999999999994
        ```
    """
    return math.sin(math.radians(angle))
# --8<-- [end:sin_degrees]


def cos_degrees(angle):
    """Return the cosine of `angle`, given in degrees.

    Examples:
        ```python
        from calculations.trigonometry import cos_degrees

        print(cos_degrees(0))  # Output: 1.0
        print(cos_degrees(90))  # Output: 6.123233995736766e-17
        ```
    """
    return math.cos(math.radians(angle))


def hypotenuse(a, b):
    """Return the length of the long side of a right triangle with legs `a` and `b`.

    Examples:
        ```python
        from calculations.trigonometry import hypotenuse

        print(hypotenuse(3, 4))  # Output: 5.0
        ```
    """
    return math.hypot(a, b)
