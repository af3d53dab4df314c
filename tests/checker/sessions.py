"""Shell sessions on pages: ```` ```{.console} ```` blocks, run command by command.

A session is a `console` code block. Each `$ ` line is a command; the lines under it, up to the
next `$ ` line, are what it shows in a terminal (stdout, then stderr). Commands start with
`python` (optionally after `NAME=value` settings such as `PYTHONPATH=shared`) and run one after
the other in one fresh folder: a copy of the folder named by `cwd="snippets/NAME"` on the fence,
or, without it, the folder every example runs in (the teaching code). Installing is the one thing
not run (it needs the internet): `python -m pip ...`, `python -m venv ...`, `python -m build`
and other commands sit in a block of their own titled with the reason,
```` ```{.console title="Not run: needs the internet"} ````, and show no output. Any other
command fails, but for a console script the folder's `pyproject.toml` declares
(`[project.scripts]`): it runs as the wrapper that installing makes would run it,
`sys.exit(function())` with `sys.argv[0]` its name, the project's code (`src/`, or the folder)
importable as installed code is.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
import shlex
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from checker.claims import lay_out, run_example
from checker.markdown import fences
from checker.project import ROOT, TEACHING_CODE
from checker.pythons import Python

PROMPT = "$ "
# The title of a block whose commands the checks can't run, which readers see above it:
# ```{.console title="Not run: needs the internet"}
NOT_RUN_TITLE = re.compile(r"Not run: \S")
# Installing and building need the internet (pip, and build's isolated build environment).
NOT_RUN = (["-m", "pip"], ["-m", "venv"], ["-m", "build"])
# What the console-script wrapper an installer writes does; sys.path[0] is its bin folder, not
# the working folder, so the working folder comes off the path.
CONSOLE_SCRIPT = (
    "import sys; del sys.path[0]; sys.argv[0] = {name!r}; "
    "import {module}; sys.exit({module}.{function}())"
)


@dataclass
class Command:
    line: int  # the page line of the `$ ` prompt
    text: str
    shown: list[str] = field(default_factory=list)
    scripts: dict[str, str] = field(default_factory=dict)  # console scripts: name -> "mod:func"
    unchecked: bool = False  # in a block titled "Not run: reason"

    def split(self) -> tuple[dict[str, str], list[str]]:
        """The `NAME=value` settings in front, and the command's words."""
        words = shlex.split(self.text)
        settings = {}
        while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):
            name, value = words.pop(0).split("=", 1)
            settings[name] = value
        return settings, words

    def argv(self, folder: Path) -> tuple[dict[str, str], list[str]]:
        """The settings, and the arguments for `python` that run this command in `folder`."""
        settings, words = self.split()
        if words[0] == "python":
            return settings, words[1:]
        module, _, function = self.scripts[words[0]].partition(":")
        wrapper = CONSOLE_SCRIPT.format(name=words[0], module=module, function=function)
        code = "src" if (folder / "src").is_dir() else "."  # where the installed code comes from
        path = os.pathsep.join(filter(None, [settings.get("PYTHONPATH"), code]))
        return settings | {"PYTHONPATH": path}, ["-c", wrapper, *words[1:]]

    def problem(self) -> str | None:
        """Why this command can't be run or skipped as written, if it can't."""
        _, words = self.split()
        runnable = (words[:1] == ["python"] and words[1:3] not in NOT_RUN) or (
            words[:1] and words[0] in self.scripts
        )
        if runnable and self.unchecked:
            return (
                f"`{words[0]}` commands are always run: move `{self.text}` out of the block "
                'titled "Not run: ..." into one of its own'
            )
        if not runnable and not self.unchecked:
            return (
                f"`{self.text}` is not run by the checks (they run `python` commands and a "
                "folder's console scripts, not installs or other programs): "
                "put it in a block of its own titled with the reason, such as ```{.console "
                'title="Not run: needs the internet"}, and show no output under it, so readers '
                "know; to show a folder's files, draw its tree instead (<!-- tree: PATH -->)"
            )
        if self.unchecked and self.shown:
            return (
                'a command in a block titled "Not run: ..." can\'t show output: nothing checks it'
            )
        return None


@dataclass(eq=False)  # hashable: each session runs once per Python (run_session)
class Session:
    page: Path
    line: int  # the page line of the opening fence
    settings: dict[str, str]
    commands: list[Command]
    text: str = ""  # the block as a reader sees it
    problem: str | None = None

    def where(self, line: int) -> str:
        return f"{self.page.relative_to(ROOT).as_posix()}:{line}"

    @property
    def name(self) -> str:
        return self.where(self.line)


def console_scripts(folder: Path) -> dict[str, str]:
    """The console scripts a project folder's pyproject.toml declares, if it has one."""
    if folder == ROOT or not (folder / "pyproject.toml").is_file():
        return {}
    project = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project.get("scripts", {})


def find_sessions(page: Path) -> list[Session]:
    sessions = []
    for fence in fences(page):
        if fence.language != "console":
            continue
        rows = fence.body.splitlines()
        session = Session(page, fence.line, fence.settings, [], "\n".join(rows))
        scripts = console_scripts(ROOT / fence.settings.get("cwd", "."))
        unchecked = bool(NOT_RUN_TITLE.match(fence.settings.get("title", "")))
        for number, row in enumerate(rows, start=fence.line + 1):
            if row.startswith(PROMPT):
                command = Command(number, row[len(PROMPT) :], scripts=scripts, unchecked=unchecked)
                session.commands.append(command)
            elif session.commands:
                session.commands[-1].shown.append(row)
            elif row.strip():
                session.problem = f"output before the first `{PROMPT}` command"
        if not session.commands:
            session.problem = f"no `{PROMPT}` command: use ```text for other terminal text"
        sessions.append(session)
    return sessions


def compare(shown: list[str], stdout: str, stderr: str) -> bool:
    """Whether the shown lines are what a terminal shows: stdout, then stderr."""

    def lines(rows: list[str]) -> list[str]:
        rows = [row.rstrip() for row in rows]
        while rows and not rows[-1]:
            rows.pop()
        return rows

    return lines(shown) == lines((stdout + stderr).splitlines())


SESSIONS = [s for page in sorted((ROOT / "docs").rglob("*.md")) for s in find_sessions(page)]


@functools.cache
def run_session(session: Session, python: Python) -> tuple[list[str], set[str]]:
    """Run a session on `python`, once per test run: (its problems, the files that ran)."""
    problems = [f"{session.name}: {session.problem}"] if session.problem else []
    problems += [f"{session.where(c.line)}: {c.problem()}" for c in session.commands if c.problem()]
    cwd = session.settings.get("cwd")
    if cwd and not (ROOT / cwd).is_dir():
        problems.append(f'{session.name}: cwd="{cwd}" is not a folder')
    if problems:
        return problems, set()

    sources = (
        [p for p in sorted((ROOT / cwd).iterdir()) if p.name != "__pycache__"]
        if cwd
        else [ROOT / name for name in TEACHING_CODE]
    )
    loaded = set()
    with tempfile.TemporaryDirectory() as tmp:
        folder = lay_out(Path(tmp) / "example", sources)
        for command in (c for c in session.commands if not c.unchecked):
            settings, argv = command.argv(folder)
            run = run_example(python.path, folder, argv, settings)
            loaded |= set(run.loaded)
            if run.returncode is None:
                problems.append(f"{session.where(command.line)}: `{command.text}` did not finish")
            elif not compare(command.shown, run.stdout, run.stderr):
                diff = difflib.unified_diff(
                    command.shown,
                    (run.stdout + run.stderr).splitlines(),
                    "expected (shown on the page)",
                    "actual (stdout, then stderr)",
                    lineterm="",
                )
                problems.append(
                    f"{session.where(command.line)}: `{command.text}` shows other "
                    "output than it prints\n" + "\n".join(f"    {d}" for d in diff)
                )
    return problems, loaded
