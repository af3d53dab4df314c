"""Greetings: a package you can import, and run with python -m greetings."""


def hello(name):
    return f"Hello, {name}!"
