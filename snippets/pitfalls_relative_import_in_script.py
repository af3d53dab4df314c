from . import utils  # Raises: ImportError: attempted relative import with no known parent package

print(utils)  # never reached: the import above fails
