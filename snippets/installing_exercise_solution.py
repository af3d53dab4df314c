import importlib
from importlib.metadata import PackageNotFoundError, version

for name in ("json", "calculations", "no_such_package_here"):
    try:
        importlib.import_module(name)
        importable = "importable"
    except ModuleNotFoundError:
        importable = "not importable"
    try:
        installed = f"installed, version {version(name)}"
    except PackageNotFoundError:
        installed = "not installed"
    print(f"{name}: {importable}, {installed}")
# Output:
# json: importable, not installed
# calculations: importable, not installed
# no_such_package_here: not importable, not installed
