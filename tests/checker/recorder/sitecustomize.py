"""Loaded at start-up by every example the checker runs (`tests/checker/claims.py` puts this
folder on PYTHONPATH), so the example itself runs unchanged, as `python NAME.py` or
`python -m NAME`.

It changes nothing the example prints (an example that printed `type(sys.stdout)` would see the
wrapper that takes the notes: none does). It notes which line of the `__main__` module was running
when each piece of stdout (and of stderr: a warning) was written, and where an uncaught
exception left it, so that a failure can name the line and `--update-examples` knows which
comment to rewrite. It also notes which files of its working folder ran (the script and every
module it imported), so that a file no example runs can be found.
"""

import atexit
import os
import sys

# Nothing more is imported at start-up: this runs before every example, on every Python
# (json and traceback would double the start-up time of a small example).

_record_file = os.environ.pop("EXAMPLE_RECORD_FILE", None)
_events = []
_folder = os.path.realpath(os.getcwd())
_loaded = set()  # files of the working folder that ran, even a module whose import then failed


def _note_module_code(event, args):
    # Python audits `exec` of each module's code as it is imported (a failed import stays noted).
    if event == "exec" and hasattr(args[0], "co_filename"):
        _loaded.add(args[0].co_filename)


def _is_main_module(frame):
    return frame.f_code.co_name == "<module>" and frame.f_globals.get("__name__") == "__main__"


def _main_line():
    """The line of `__main__` that is running: its outermost module frame on the stack."""
    frame, line = sys._getframe(1), None
    while frame is not None:
        if _is_main_module(frame):
            line = frame.f_lineno
        frame = frame.f_back
    return line


class _NotingStream:
    def __init__(self, stream, kind):
        self._stream, self._kind = stream, kind

    def write(self, text):
        _events.append({"kind": self._kind, "line": _main_line(), "text": text})
        return self._stream.write(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _excepthook(exc_type, exc, tb, _original=sys.excepthook):
    import io
    import traceback

    line = next((n for f, n in traceback.walk_tb(tb) if _is_main_module(f)), None)
    # Python's own hook prints the traceback (on 3.11 it alone adds "Did you mean" hints),
    # so note what it prints: the "Type: message" line comes last, before any notes.
    real_stderr, sys.stderr = sys.stderr, io.StringIO()
    try:
        _original(exc_type, exc, tb)
    finally:
        shown, sys.stderr = sys.stderr.getvalue(), real_stderr
    sys.stderr.write(shown)
    message = shown.splitlines()[-1 - len(getattr(exc, "__notes__", ()))]
    _events.append({"kind": "raise", "line": line, "text": message})


def _save():
    _loaded.add(getattr(sys.modules.get("__main__"), "__file__", None) or "")
    for path in sorted(p for p in _loaded if os.path.isfile(p)):
        relative = os.path.relpath(os.path.realpath(path), _folder)
        if not relative.startswith(".."):
            _events.append({"kind": "loaded", "line": None, "text": relative})
    with open(_record_file, "w", encoding="utf-8") as f:
        f.write(repr(_events))  # read back with ast.literal_eval (tests/checker/claims.py)


if _record_file:
    sys.stdout = _NotingStream(sys.stdout, "output")
    sys.stderr = _NotingStream(sys.stderr, "stderr")  # where a warning came from
    sys.excepthook = _excepthook
    sys.addaudithook(_note_module_code)
    atexit.register(_save)
