import itertools
import os.path
import sys
import textwrap
from pathlib import Path

print(list(itertools.pairwise([1, 2, 4, 8])))  # Output: [(1, 2), (2, 4), (4, 8)]
print(textwrap.shorten("Modules and packages in Python", width=20))  # Output: Modules and [...]
print(os.path.splitext("trigonometry.py"))  # Output: ('trigonometry', '.py')
print(Path("calculations/trigonometry.py").stem)  # Output: trigonometry
print(sys.version_info >= (3, 11))  # Output: True
