"""The program's entry point: a script that no other module imports."""

import report
import shapes

square = shapes.Square(2)
print("is a Square:", report.is_square(square))
print("squares made:", report.squares_made())
