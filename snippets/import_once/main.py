import importlib
import sys

import announce
import announce as again  # already in sys.modules: announce.py does not run again

print(again is announce)
print(sys.modules["announce"] is announce)

greeter = announce.Greeter()
importlib.reload(announce)  # runs announce.py again, in the same module object
print(isinstance(greeter, announce.Greeter))
