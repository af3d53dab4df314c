"""Arithmetic inside the `calculations` package."""


def add(a, b):
    """Return the sum of `a` and `b`.

    Examples:
        ```python
        from calculations.math_operations import add

        print(add(3, 4))  # Output: 7
        ```
    """
    return a + b


def subtract(a, b):
    """Return `a` minus `b`.

    Examples:
        ```python
        from calculations.math_operations import subtract

        print(subtract(3, 4))  # Output: -1
        ```
    """
    return a - b
