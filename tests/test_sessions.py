"""Every shell session on a page runs, and shows what a terminal shows (tests/sessions.py).

A session runs in a fresh copy of the folder its fence names (`cwd="snippets/NAME"`), or in the
folder every example runs in (the teaching code). `python="3.12"` (or `"3.12+"`) on the fence runs
it on that Python only: version-specific messages sit in content tabs, one block per version.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from conftest import ROOT
from outputs import TEACHING_CODE, GrammarError, lay_out, run_example, skip_reason
from pytest_examples import CodeExample, EvalExample
from sessions import Session, compare, find_sessions
from test_examples import lint

SESSIONS = [s for page in sorted((ROOT / "docs").rglob("*.md")) for s in find_sessions(page)]
SNIPPET_FOLDERS = sorted(p for p in (ROOT / "snippets").iterdir() if p.is_dir())


def _where(session: Session, line: int) -> str:
    return f"{session.page.relative_to(ROOT).as_posix()}:{line}"


@pytest.mark.parametrize("session", SESSIONS, ids=lambda s: _where(s, s.line))
def test_session(session: Session, tmp_path: Path):
    problems = [f"{_where(session, session.line)}: {session.problem}"] if session.problem else []
    problems += [
        f"{_where(session, c.line)}: {c.problem()}" for c in session.commands if c.problem()
    ]
    cwd = session.settings.get("cwd")
    if cwd and not (ROOT / cwd).is_dir():
        problems.append(f'{_where(session, session.line)}: cwd="{cwd}" is not a folder')
    try:
        reason = skip_reason(session.settings.get("python"))
    except GrammarError as error:
        problems.append(f"{_where(session, session.line)}: {error.args[1]}")
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
    if reason:
        pytest.skip(reason)

    sources = (
        [p for p in sorted((ROOT / cwd).iterdir()) if p.name != "__pycache__"]
        if cwd
        else [ROOT / name for name in TEACHING_CODE]
    )
    folder = lay_out(tmp_path / "example", sources)
    for command in (c for c in session.commands if not c.unchecked):
        settings, words = command.split()
        run = run_example(folder, words[1:], settings)
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
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)


@pytest.mark.parametrize("folder", SNIPPET_FOLDERS, ids=lambda p: p.name)
def test_snippet_folder(folder: Path, eval_example: EvalExample, monkeypatch):
    """A multi-file example shown on a page is run by a session (or nothing checks it) and its
    files pass ruff, like every other example."""
    name = folder.relative_to(ROOT).as_posix()
    found = []
    if not any(s.settings.get("cwd") == name for s in SESSIONS):
        found.append(
            f'{name}/: no console session runs it: add ```{{.console cwd="{name}"}} to a page'
        )
    for path in sorted(folder.rglob("*.py")):
        found += lint(
            eval_example, CodeExample.create(path.read_text("utf-8"), path=path), monkeypatch
        )
    if found:
        pytest.fail("\n\n".join(found), pytrace=False)
