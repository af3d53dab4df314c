print(f"cli.py runs as {__name__!r}")
