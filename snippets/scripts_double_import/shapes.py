"""Shapes: a module that report.py imports, and (by mistake) the script that is run."""

import sys

print(f"shapes.py is running as {__name__!r}")

squares_made = 0


class Square:
    def __init__(self, side):
        global squares_made
        squares_made += 1
        self.side = side


if __name__ == "__main__":
    import report  # report.py imports shapes: this file runs a second time, as "shapes"

    print("one module object:", sys.modules["__main__"] is sys.modules["shapes"])
    square = Square(2)
    print("is a Square:", report.is_square(square))
    print("squares made:", report.squares_made())
