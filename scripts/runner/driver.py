"""Runs a reader's example in Pyodide as `python NAME.py` (or `python -m NAME`) would run it.

Loaded once per worker, after boot (scripts/runner/worker.js). Each run gets a fresh folder, is
its working folder and `sys.path[0]`, runs as `__main__`, and finds `sys.modules`, `sys.path`
and the warning filters as they were after boot. Output comes back as a terminal shows it
(stdout, then stderr), with the folder's path left out, as the site's checks show paths.
"""

import importlib
import io
import os
import runpy
import sys
import traceback
import warnings

BOOT_MODULES = dict(sys.modules)
BOOT_PATH = [p for p in sys.path if p]  # Pyodide's "" stands for the REPL's folder
BOOT_FILTERS = list(warnings.filters)
BOOT_ENVIRON = dict(os.environ)
BOOT_IMPORT_SYSTEM = (list(sys.meta_path), list(sys.path_hooks), sys.dont_write_bytecode)
runs = 0


def folder(files: dict) -> str:
    """A new folder holding `files` (relative name -> text)."""
    global runs
    runs += 1
    where = f"/home/pyodide/run{runs}"
    for name, text in files.items():
        path = os.path.join(where, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
    return where


def fresh_process(where: str, argv: list) -> None:
    """What a new `python` process would find: nothing the previous run imported."""
    for name in set(sys.modules) - set(BOOT_MODULES):
        del sys.modules[name]
    sys.modules.update(BOOT_MODULES)
    sys.path[:] = [where, *BOOT_PATH]
    warnings.filters[:] = BOOT_FILTERS
    os.environ.clear()
    os.environ.update(BOOT_ENVIRON)
    sys.meta_path[:], sys.path_hooks[:], sys.dont_write_bytecode = (
        list(BOOT_IMPORT_SYSTEM[0]),
        list(BOOT_IMPORT_SYSTEM[1]),
        BOOT_IMPORT_SYSTEM[2],
    )
    sys.path_importer_cache.clear()
    # Nothing to read, as the suite runs examples (stdin=DEVNULL): input() raises EOFError, as
    # `python NAME.py < /dev/null` does. Pyodide's own stdin would ask the browser's prompt(),
    # which a worker has not.
    sys.stdin = io.StringIO()
    sys.argv = argv
    os.chdir(where)
    importlib.invalidate_caches()


def command(where: str, argv: list) -> tuple[str, str]:
    """`python *argv` in `where`: (stdout, stderr), paths relative to `where`."""
    fresh_process(where, argv)
    out, err = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr = out, err
    try:
        if argv[0] == "-m":
            # What `python -m` calls; its frames show in a traceback, as they do in CPython's.
            runpy._run_module_as_main(argv[1])
        else:
            runpy.run_path(os.path.join(where, argv[0]), run_name="__main__")
    except SystemExit as stop:
        if stop.code is not None and not isinstance(stop.code, int):
            print(stop.code, file=err)
    except BaseException as error:  # noqa: BLE001 - the example's, whatever it is, as Python shows it
        tb = error.__traceback__
        first = "_run_module_as_main" if argv[0] == "-m" else None
        # Leave out this driver's and runpy's frames, which `python NAME.py` doesn't show.
        while tb and (
            tb.tb_frame.f_code.co_name != first
            if first
            else tb.tb_frame.f_code.co_filename != os.path.join(where, argv[0])
        ):
            tb = tb.tb_next
        err.write("".join(traceback.format_exception(type(error), error, tb)))
    finally:
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    return tuple(text.replace(where + "/", "") for text in (out.getvalue(), err.getvalue()))


def run(files: dict, commands: list) -> list:
    """Each command's (stdout, stderr), run one after the other in one new folder."""
    where = folder(files)
    return [list(command(where, argv)) for argv in commands]


def repl(files: dict, sources: list) -> list:
    """Each `>>>` example as the REPL runs a line: (what it prints, its traceback or None)."""
    where = folder(files)
    fresh_process(where, [""])
    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    shown = []
    for source in sources:
        out = sys.stdout = sys.stderr = io.StringIO()
        try:
            exec(compile(source, "<stdin>", "single"), namespace)  # noqa: S102 - what the REPL does
            shown.append([out.getvalue().replace(where + "/", ""), None])
        except BaseException as error:  # noqa: BLE001 - the REPL shows any exception
            # The traceback from the reader's line on, as the REPL prints it (on stderr).
            text = "".join(
                traceback.format_exception(type(error), error, error.__traceback__.tb_next)
            )
            shown.append([out.getvalue().replace(where + "/", ""), text.replace(where + "/", "")])
        finally:
            sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    return shown
