"""The import package of the distribution hello-tools."""

from importlib.metadata import version

__version__ = version("hello-tools")  # read from the .dist-info folder, not written here


def greet(name):
    return f"Hello, {name}!"
