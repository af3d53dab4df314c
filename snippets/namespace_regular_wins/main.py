import os

import greetings

print(os.path.relpath(greetings.__file__))
print([os.path.relpath(folder) for folder in greetings.__path__])
try:
    import greetings.hello
except ModuleNotFoundError as error:
    print(error)
