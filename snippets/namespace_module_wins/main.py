import os

import greetings

print(greetings.message())
print(os.path.relpath(greetings.__file__))
print(hasattr(greetings, "__path__"))  # a module, not a package: it has no submodules
