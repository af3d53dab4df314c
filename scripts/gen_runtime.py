"""The Run buttons' runtime (mkdocs-gen-files): Pyodide, self-hosted, and what it runs.

1. npm_packages.py installs the pinned `pyodide` (package.json, package-lock.json: npm checks
   the registry's sha512 of every byte) into a cache outside the checkout, once per version of
   the two files; a later build reuses it without the network.
2. The files Pyodide boots from go to `assets/pyodide/`; the Run script, its worker and the
   Python driver to `assets/runner/`, with `files.json`: the teaching code and each snippet
   folder's files, the folders examples and sessions run in.
3. Pages learn what Pygments would drop: a fence's `cwd="..."` becomes `data-cwd`, and a
   `python="..."` tag that leaves out the runtime's Python becomes `data-norun="version"`.
4. `config.extra.runner` tells the templates to load the Run script (partials/runner.html).

Without npm or the network the build still passes (an INFO line), with no Run buttons.
"""

import json
import logging
import re
import sys
import tomllib
from pathlib import Path

import mkdocs_gen_files

if str(Path(__file__).parent) not in sys.path:  # gen-files runs this file, not its folder
    sys.path.insert(0, str(Path(__file__).parent))
import npm_packages
from page_syntax import FENCE, covers, included_file, language, settings

ROOT = Path(mkdocs_gen_files.config.config_file_path).parent
RUNNER = ROOT / "scripts" / "runner"
BOOT_FILES = [
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",  # loadPyodide fetches it at boot
]
TEACHING_CODE = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "hatch"
]["build"]["targets"]["wheel"]["only-include"]
PLAIN_COMMAND = re.compile(r"\$ python (-m [\w.]+|[\w.-]+\.py)")
PROCESSES = re.compile(
    r"^\s*(import|from)\s+(subprocess|multiprocessing|venv|ensurepip|pip)\b", re.MULTILINE
)

log = logging.getLogger("mkdocs.plugins.gen_runtime")


def installed() -> Path | None:
    """The pinned Pyodide (npm_packages.py installs it on first use); None if that fails."""
    try:
        return npm_packages.installed() / "pyodide"
    except npm_packages.NotInstalled as why:  # INFO: a first build offline must pass --strict
        log.info("%s, so the pages get no Run buttons", why)
        return None


def for_python(tag: str, python: tuple) -> bool:
    """Whether a block tagged `python="<tag>"` is for `python`; a tag that is no version (the
    checks report it) is for none."""
    try:
        return covers(tag, python)
    except ValueError:
        return False


def norun(language: str, settings: dict, body: str, python: tuple) -> str | None:
    """Why the browser can't run a block as a terminal would: one reason per kind (CONTRIBUTING.md,
    "Run it where you read it"); a fence's own `data-norun="..."` covers what no rule tells."""
    if "python" in settings and not for_python(settings["python"], python):
        return "version"  # a tab for another Python than the runtime's
    if language == "console":
        commands = [line.strip() for line in body.splitlines() if line.strip().startswith("$ ")]
        if not all(PLAIN_COMMAND.fullmatch(command) for command in commands):
            return "session-command"  # PYTHONPATH=..., -P, -c, arguments, installs, console scripts
        files = sorted((ROOT / settings["cwd"]).rglob("*.py")) if "cwd" in settings else []
        return "processes" if any(PROCESSES.search(f.read_text("utf-8")) for f in files) else None
    # A missing file is left to the include's own error (scripts/snippet_paths.py).
    included = [ROOT / p for line in body.splitlines() if (p := included_file(line))]
    included = [path for path in included if path.is_file()]
    if any(path.is_relative_to(ROOT / "unchecked") for path in included):
        return "opted-out"  # code no check runs, such as a deliberately broken example
    if any(
        path.is_relative_to(ROOT / "snippets")
        and path.parent.name != "snippets"
        or path.relative_to(ROOT).parts[0] in TEACHING_CODE
        for path in included
    ):
        return "source"  # one file of a program: its session or an example runs it
    code = "".join(path.read_text(encoding="utf-8") for path in included) or body
    if PROCESSES.search(code):
        return "processes"  # Pyodide can't start a process
    return None


def with_data_attrs(page: str, python: tuple) -> str:
    """Each example fence with what the Run script needs, as `data-*` attributes (the only ones
    Pygments keeps): `data-cwd` from `cwd`, and `data-norun` for a block it must not run."""

    def add(fence: re.Match) -> str:
        info, (start, end) = fence["info"].strip(), fence.span("info")
        kind, found = language(info), settings(info)
        if kind not in ("python", "py", "pycon", "console") or "data-norun" in found:
            return fence[0]
        extra = f' data-cwd="{found["cwd"]}"' if "cwd" in found else ""
        if why := norun(kind, found, fence["body"], python):
            extra += f' data-norun="{why}"'
        if not extra:
            return fence[0]
        inside = info[1:-1].strip() if info.startswith("{") else f".{info}"
        whole, at = fence[0], fence.start()
        return f"{whole[: start - at]}{{{inside}{extra}}}{whole[end - at :]}"

    return FENCE.sub(add, page)


def folder_files(folder: Path, under: Path) -> dict[str, str]:
    return {
        p.relative_to(under).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*") if folder.is_dir() else [folder])
        if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(".")
    }


if package := installed():
    # The CPython the pinned Pyodide runs, as its lock file states it ("3.14.2").
    lock = json.loads((package / "pyodide-lock.json").read_text(encoding="utf-8"))
    python = tuple(int(part) for part in lock["info"]["python"].split("."))
    for name in BOOT_FILES:
        with mkdocs_gen_files.open(f"assets/pyodide/{name}", "wb") as out:
            out.write((package / name).read_bytes())
    for script in sorted(RUNNER.iterdir()):
        with mkdocs_gen_files.open(f"assets/runner/{script.name}", "wb") as out:
            out.write(script.read_bytes())
    bundle = {
        "python": lock["info"]["python"],
        "teaching": {k: v for n in TEACHING_CODE for k, v in folder_files(ROOT / n, ROOT).items()},
        "folders": {
            f"snippets/{d.name}": folder_files(d, d)
            for d in sorted((ROOT / "snippets").iterdir())
            if d.is_dir() and d.name != "__pycache__"
        },
    }
    with mkdocs_gen_files.open("assets/runner/files.json", "w") as out:
        json.dump(bundle, out, separators=(",", ":"))
    for file in list(mkdocs_gen_files.files):
        if file.is_documentation_page():
            text = file.content_string
            if (marked := with_data_attrs(text, python)) != text:
                with mkdocs_gen_files.open(file.src_uri, "w") as page:
                    page.write(marked)
                mkdocs_gen_files.set_edit_path(file.src_uri, file.src_uri)  # still the real page
    mkdocs_gen_files.config["extra"]["runner"] = {"python": bundle["python"]}
