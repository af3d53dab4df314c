"""A module that says when its code runs."""

import sys

# The import put this module in sys.modules before it started running this file.
print("announce.py is running, already in sys.modules:", __name__ in sys.modules)


class Greeter:
    pass
