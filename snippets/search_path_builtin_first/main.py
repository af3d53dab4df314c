import ntpath
import sys

# Where each module came from: neither is a file next to this script.
print(sys.__spec__.origin)
print(ntpath.__spec__.origin)
