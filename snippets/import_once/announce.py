"""A module that says when its code runs."""

print("announce.py is running")


class Greeter:
    pass
