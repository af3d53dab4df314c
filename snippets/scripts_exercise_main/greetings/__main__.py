import sys

from greetings import hello

name = sys.argv[1] if len(sys.argv) > 1 else "world"
print(hello(name))
