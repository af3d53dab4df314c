import os

import quotes

print("importlib.resources:", quotes.first_quote())

# Two ways that depend on where Python runs from, or on the package being a folder:
for label, path in [
    ("open('quotes.txt'):", "quotes.txt"),
    ("a path from __file__:", os.path.join(os.path.dirname(quotes.__file__), "quotes.txt")),
]:
    try:
        with open(path, encoding="utf-8") as file:
            print(label, file.readline().rstrip("\n"))
    except OSError as error:
        print(label, error)
