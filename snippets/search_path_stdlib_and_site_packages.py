import json
import sysconfig
from pathlib import Path

# The standard library and site-packages are folders on sys.path, like any other.
stdlib = Path(sysconfig.get_paths()["stdlib"])
print(Path(json.__file__).relative_to(stdlib).as_posix())  # Output: json/__init__.py
print(Path(sysconfig.get_paths()["purelib"]).name)  # Output: site-packages
