"""Every shell session on a page runs, and shows what a terminal shows (tests/checker/sessions.py).

A session runs in a fresh copy of the folder its fence names (`cwd="snippets/NAME"`), or in the
folder every example runs in (the teaching code), on every Python of the run its
`python="..."` tag (if any) is for: version-specific messages sit in content tabs, one block per
version. Every tag is one some supported Python runs: none below `requires-python`, and the
newest block of a set of tabs is open-ended (`"3.13+"`), so newer Pythons run it too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from checker.examples import lint
from checker.markdown import fences
from checker.project import ROOT
from checker.pythons import Python, for_tag, no_python_for, per_python, requires_python
from checker.sessions import SESSIONS, Session, run_session
from page_syntax import version_range
from pytest_examples import CodeExample, EvalExample

PAGES = sorted((ROOT / "docs").rglob("*.md"))
SNIPPET_FOLDERS = sorted(p for p in (ROOT / "snippets").iterdir() if p.is_dir())


@pytest.mark.parametrize(
    ("session", "python"),
    list(per_python(SESSIONS, lambda s: s.settings.get("python"), lambda s: s.name)),
)
def test_session(session: Session, python: Python | None, record_property):
    if python is None:
        no_python_for(session.settings["python"], session.name)
    record_property("python", python.name)
    problems, _ = run_session(session, python)
    if problems:
        pytest.fail(f"on Python {python.name}:\n" + "\n\n".join(problems), pytrace=False)


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
    # Each session on the first Python of the run it is for (one for none of them runs not).
    first = {s: for_tag(s.settings.get("python"))[:1] for s in sessions}
    loaded = set().union(*(run_session(s, python[0])[1] for s, python in first.items() if python))
    ran = any(first.values())
    for path in sorted(folder.rglob("*.py")):
        if ran and path.relative_to(folder).as_posix() not in loaded:
            found.append(f"{path.relative_to(ROOT).as_posix()}: no session runs or imports it")
        found += lint(
            eval_example, CodeExample.create(path.read_text("utf-8"), path=path), monkeypatch
        )
    if found:
        pytest.fail("\n\n".join(found), pytrace=False)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_version_tags(page: Path):
    """Blocks for one Python version: the same example in tabs, one version per block."""
    requires, oldest = requires_python()
    place = page.relative_to(ROOT).as_posix()
    found, tabs = [], []  # tabs: tagged blocks in a row, same kind and folder, versions rising
    for fence in [*fences(page), None]:  # None ends the last set of tabs
        tag = fence and fence.settings.get("python")
        try:
            low = version_range(tag)[0] if tag else None
        except ValueError as error:
            found.append(f"{place}:{fence.line}: {error}")
            continue
        kind = fence and (fence.language, fence.settings.get("cwd"))
        if tabs and (tag is None or kind != tabs[-1][2] or low <= tabs[-1][3]):
            newest_line, newest = max(((t[0], t[1]) for t in tabs), key=lambda t: t[0])
            if not newest.endswith("+"):
                which = "the newest of its tabs" if len(tabs) > 1 else "its example's one block"
                found.append(
                    f'{place}:{newest_line}: python="{newest}" is {which}: write '
                    f'"{newest}+" so newer Pythons run it too'
                )
            tabs = []
        if tag is not None:
            tabs.append((fence.line, tag, kind, low))
            if low < oldest:
                found.append(
                    f'{place}:{fence.line}: python="{tag}": no supported Python runs it '
                    f'(requires-python is "{requires}")'
                )
    if found:
        pytest.fail("\n".join(found), pytrace=False)
