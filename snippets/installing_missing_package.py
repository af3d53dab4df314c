try:
    import no_such_package_here
except ModuleNotFoundError as error:
    print(f"not installed: {error.name}")  # Output: not installed: no_such_package_here
else:
    print(no_such_package_here.__name__)
