"""Quotes kept in a data file inside the package."""

from importlib.resources import files


def first_quote():
    # files(__name__) is this package, wherever it was imported from: a folder or a zip file.
    text = files(__name__).joinpath("quotes.txt").read_text(encoding="utf-8")
    return text.splitlines()[0]
