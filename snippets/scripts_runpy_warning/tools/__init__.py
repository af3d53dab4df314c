"""Tools: the package imports its command-line module on import."""

from tools import cli  # noqa: F401
