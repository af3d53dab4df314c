import os

import greetings.goodbye
import greetings.hello

print(greetings.hello.message())
print(greetings.goodbye.message())
print(greetings.__file__)
print([os.path.relpath(folder) for folder in greetings.__path__])
