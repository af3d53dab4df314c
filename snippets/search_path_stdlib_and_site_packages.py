import json
import sysconfig
from pathlib import Path

# The standard library and the folder for installed packages are folders, like any other.
stdlib = Path(sysconfig.get_paths()["stdlib"])
print(Path(json.__file__).relative_to(stdlib).as_posix())  # Output: json/__init__.py

# Installed packages go to "purelib": a folder called site-packages, or dist-packages with
# Debian's and Ubuntu's own Python.
purelib = Path(sysconfig.get_paths()["purelib"])
print(purelib.name in ("site-packages", "dist-packages"))  # Output: True
