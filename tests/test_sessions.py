"""Every shell session on a page runs, and shows what a terminal shows (tests/sessions.py).

A session runs in a fresh copy of the folder its fence names (`cwd="snippets/NAME"`), or in the
folder every example runs in (the teaching code). `python="3.12"` (or `"3.12+"`) on the fence runs
it on that Python only: version-specific messages sit in content tabs, one block per version.
Every `python="..."` tag is one some supported Python runs: none below `requires-python`, and
the newest block of a set of tabs is open-ended (`"3.13+"`), so newer Pythons run it too.
"""

from __future__ import annotations

import difflib
import functools
import tempfile
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT
from outputs import (
    TEACHING_CODE,
    GrammarError,
    lay_out,
    run_example,
    skip_reason,
    version_range,
)
from pytest_examples import CodeExample, EvalExample
from sessions import SETTING, Session, compare, fences, find_sessions, language
from test_examples import lint

PAGES = sorted((ROOT / "docs").rglob("*.md"))
SESSIONS = [s for page in PAGES for s in find_sessions(page)]
SNIPPET_FOLDERS = sorted(p for p in (ROOT / "snippets").iterdir() if p.is_dir())


def _where(session: Session, line: int) -> str:
    return f"{session.page.relative_to(ROOT).as_posix()}:{line}"


@functools.cache
def run_session(session: Session) -> tuple[list[str], str | None, set[str]]:
    """Run a session once per test run: (problems, why it was skipped, files that ran)."""
    problems = [f"{_where(session, session.line)}: {session.problem}"] if session.problem else []
    problems += [
        f"{_where(session, c.line)}: {c.problem()}" for c in session.commands if c.problem()
    ]
    cwd = session.settings.get("cwd")
    if cwd and not (ROOT / cwd).is_dir():
        problems.append(f'{_where(session, session.line)}: cwd="{cwd}" is not a folder')
    reason = None
    try:
        reason = skip_reason(session.settings.get("python"))
    except GrammarError as error:
        problems.append(f"{_where(session, session.line)}: {error.args[1]}")
    if problems or reason:
        return problems, reason, set()

    sources = (
        [p for p in sorted((ROOT / cwd).iterdir()) if p.name != "__pycache__"]
        if cwd
        else [ROOT / name for name in TEACHING_CODE]
    )
    loaded = set()
    with tempfile.TemporaryDirectory() as tmp:
        folder = lay_out(Path(tmp) / "example", sources)
        for command in (c for c in session.commands if not c.unchecked):
            settings, words = command.split()
            run = run_example(folder, words[1:], settings)
            loaded |= set(run.loaded)
            if run.returncode is None:
                problems.append(f"{_where(session, command.line)}: `{command.text}` did not finish")
            elif not compare(command.shown, run.stdout, run.stderr):
                diff = difflib.unified_diff(
                    command.shown,
                    (run.stdout + run.stderr).splitlines(),
                    "expected (shown on the page)",
                    "actual (stdout, then stderr)",
                    lineterm="",
                )
                problems.append(
                    f"{_where(session, command.line)}: `{command.text}` shows other "
                    "output than it prints\n" + "\n".join(f"    {d}" for d in diff)
                )
    return problems, None, loaded


@pytest.mark.parametrize("session", SESSIONS, ids=lambda s: _where(s, s.line))
def test_session(session: Session):
    problems, reason, _ = run_session(session)
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)
    if reason:
        pytest.skip(reason)


@pytest.mark.parametrize("folder", SNIPPET_FOLDERS, ids=lambda p: p.name)
def test_snippet_folder(folder: Path, eval_example: EvalExample, monkeypatch):
    """A multi-file example shown on a page is run by a session (or nothing checks it), every
    one of its files runs in a session, and they pass ruff, like every other example."""
    name = folder.relative_to(ROOT).as_posix()
    sessions = [s for s in SESSIONS if s.settings.get("cwd") == name]
    found = []
    if not sessions:
        found.append(
            f'{name}/: no console session runs it: add ```{{.console cwd="{name}"}} to a page'
        )
    loaded = set().union(*(run_session(s)[2] for s in sessions))
    for path in sorted(folder.rglob("*.py")):
        if sessions and path.relative_to(folder).as_posix() not in loaded:
            found.append(f"{path.relative_to(ROOT).as_posix()}: no session runs or imports it")
        found += lint(
            eval_example, CodeExample.create(path.read_text("utf-8"), path=path), monkeypatch
        )
    if found:
        pytest.fail("\n\n".join(found), pytrace=False)


def _version(tag: str) -> tuple[int, ...]:
    return version_range(tag)[0]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_version_tags(page: Path):
    """Blocks for one Python version: the same example in tabs, one version per block."""
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    oldest = version_range(requires.removeprefix(">="))[0]
    place = page.relative_to(ROOT).as_posix()
    found, tabs = [], []  # tabs: tagged blocks in a row, same kind and folder, versions rising
    for line, info, _ in [*fences(page), (0, "", None)]:  # a last empty fence ends the last tabs
        settings = dict(SETTING.findall(info))
        tag = settings.get("python")
        kind = (language(info), settings.get("cwd"))
        if tabs and (tag is None or kind != tabs[-1][2] or _version(tag) <= _version(tabs[-1][1])):
            newest_line, newest = max(((t[0], t[1]) for t in tabs), key=lambda t: _version(t[1]))
            if not newest.endswith("+"):
                found.append(
                    f'{place}:{newest_line}: python="{newest}" is the newest of its tabs: write '
                    f'"{newest}+" so newer Pythons run it too'
                )
            tabs = []
        if tag is not None:
            tabs.append((line, tag, kind))
            if _version(tag) < oldest:
                found.append(
                    f'{place}:{line}: python="{tag}": no supported Python runs it '
                    f'(requires-python is "{requires}")'
                )
    if found:
        pytest.fail("\n".join(found), pytrace=False)
