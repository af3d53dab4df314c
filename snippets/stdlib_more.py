import itertools
import os.path
import sys
import textwrap

print(list(itertools.pairwise([1, 2, 4, 8])))  # Output: [(1, 2), (2, 4), (4, 8)]
print(textwrap.shorten("Modules and packages in Python", width=20))  # Output: Modules and [...]
print(os.path.join("calculations", "trigonometry.py"))  # Output: calculations/trigonometry.py
print(sys.version_info >= (3, 11))  # Output: True
