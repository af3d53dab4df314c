"""Greet someone: a module you can import, and a script you can run."""


def greet(name):
    return f"Hello, {name}!"


if __name__ == "__main__":
    print(greet("world"))
    print(f"__name__ is {__name__!r}")
