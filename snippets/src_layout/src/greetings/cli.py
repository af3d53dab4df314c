"""The `greet` command: pyproject.toml's [project.scripts] points at main()."""

import argparse

from greetings import hello


def main():
    # prog: the name its messages use, whatever way the command was started.
    parser = argparse.ArgumentParser(prog="greet", description="Greet someone.")
    parser.add_argument("name")
    args = parser.parse_args()
    print(hello(args.name))
    return 0  # the wrapper passes this to sys.exit(): 0 means success
