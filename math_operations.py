"""Add and subtract two numbers: the first module of the tutorial."""


def add(a, b):
    """Return the sum of `a` and `b`.

    Examples:
        ```python
        from math_operations import add

        print(add(3, 4))  # Output: 7
        print(add(0.1, 0.2))  # Output: 0.30000000000000004
        ```
    """
    return a + b


def subtract(a, b):
    """Return `a` minus `b`.

    Examples:
        ```python
        from math_operations import subtract

        print(subtract(10, 4))  # Output: 6
        ```
    """
    return a - b
