"""A small package of calculations.

Importing the package runs this file once. It re-exports `add` and `subtract`, so
`from calculations import add` works, and `__all__` says what `from calculations import *` gives.
The `trigonometry` submodule is not imported here: write `import calculations.trigonometry`.

Examples:
    ```python
    import calculations

    print(calculations.add(3, 4))  # Output: 7
    print(calculations.__all__)  # Output: ['add', 'subtract']
    ```
"""

from .math_operations import add, subtract  # (1)!

__all__ = ["add", "subtract"]
