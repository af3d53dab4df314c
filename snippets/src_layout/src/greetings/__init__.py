"""A package in the src layout: importable once installed."""


def hello(name):
    return f"Hello, {name}!"
