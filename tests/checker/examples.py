"""Every Python example a reader can see: blocks written on pages (admonitions and tabs
included), docstring examples of the teaching code, and every script in `snippets/`.

A block that only includes files (`--8<-- "snippets/NAME.py"`) is checked through those files.
Examples are pytest-examples `CodeExample`s, so `--update-examples` rewrites them in place and
ruff lints them as pytest-examples does.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

import pytest
from pymdownx.snippets import SnippetPreprocessor
from pytest_examples import CodeExample, EvalExample

from checker.markdown import Fence, fences
from checker.project import ROOT, TEACHING_CODE

PYTHON_FENCES = {"py", "python", "python3"}


@dataclass
class Example:
    code: CodeExample
    script: str  # the file name it runs as
    problem: str | None = None  # why it can't be checked, when it can't
    rewritten_on: str | None = None  # --update-examples: the Python whose run rewrote it first

    @property
    def name(self) -> str:
        path = self.code.path.relative_to(ROOT).as_posix()
        return path if self.code.start_line == 0 else f"{path}:{self.code.start_line}"

    @property
    def tag(self) -> str | None:
        """Its `python="..."` version tag, if it has one."""
        return self.code.prefix_settings().get("python")

    def where(self, line: int) -> str:
        return f"{self.code.path.relative_to(ROOT).as_posix()}:{self.code.start_line + line}"


def _from_fence(fence: Fence, group: uuid.UUID) -> Example | None:
    # `group` (one per file) and `start`/`end` are what pytest-examples' file rewriting
    # (`EvalExample.to_update`, written back at the end of the run) needs.
    code = CodeExample(
        source=fence.body,
        path=fence.path,
        start_line=fence.line,
        end_line=fence.line + fence.body.count("\n") + 1,
        start_index=fence.start,
        end_index=fence.end,
        prefix=fence.info,
        indent=fence.indent,
        group=group,
    )
    script = fence.settings.get("title", "example.py")
    lines = [line for line in fence.body.splitlines() if line.strip()]
    # Any line of the include syntax, an escaped or block-form one too: none is Python.
    includes = [SnippetPreprocessor.RE_ALL_SNIPPETS.match(line) for line in lines]
    if fence.language == "pycon":
        return None  # a REPL transcript: tests/test_transcripts.py runs it
    if fence.language not in PYTHON_FENCES:
        return Example(code, script, f"`{fence.language}` blocks can't be checked: use ```python")
    if all(includes):
        return None  # only includes files, which are checked themselves
    if any(includes):
        return Example(
            code,
            script,
            "mixes --8<-- includes with written code: put the code "
            "in a snippet file and include all of it",
        )
    return Example(code, script)


def teaching_files() -> list[Path]:
    """Every Python file of the teaching code."""
    return [
        path
        for name in TEACHING_CODE
        for path in sorted([ROOT / name, *(ROOT / name).rglob("*.py")])
        if path.is_file() and "__pycache__" not in path.parts
    ]


def collect() -> list[Example]:
    found = []
    for path in [*sorted((ROOT / "docs").rglob("*.md")), *teaching_files()]:
        group = uuid.uuid4()
        found += [_from_fence(f, group) for f in fences(path) if f.kind == "python"]
    for path in sorted((ROOT / "snippets").glob("*.py")):
        code = CodeExample.create(path.read_text(encoding="utf-8"), path=path)
        code.group = uuid.uuid4()  # lets pytest-examples rewrite the file in place
        found.append(Example(code, path.name))
    return sorted((e for e in found if e), key=lambda e: e.name)


def rewrite_comments(example: Example, python: str, updated: str, to_update: list) -> str | None:
    """--update-examples: `updated`, the example with its comments rewritten to what it printed
    on the Python `python`, becomes its text the first time a Python of the run gets here, and
    goes on `to_update` (pytest-examples writes those files back at the end of the run). From a
    later Python that printed otherwise, why no one comment fits."""
    if example.rewritten_on is None:
        example.rewritten_on = python
        if updated != example.code.source:
            example.code.source = updated
            to_update.append(example.code)
        return None
    if updated == example.code.source:
        return None
    lines = zip_longest(updated.splitlines(), example.code.source.splitlines(), fillvalue="")
    line, here, there = next((n, a, b) for n, (a, b) in enumerate(lines, start=1) if a != b)
    return (
        f"{example.where(line)}: prints otherwise on Python {python} than on "
        f"{example.rewritten_on}: {here.strip()!r} here, {there.strip()!r} there (the comments now "
        f"say what {example.rewritten_on} printed): show each version in a block of its own "
        "(CONTRIBUTING.md, 'One Python version only')"
    )


def lint(eval_example: EvalExample, code: CodeExample, monkeypatch) -> list[str]:
    """ruff's findings on `code`, through pytest-examples, as `file:line: rule message` lines.

    ruff reads its settings from pyproject.toml, as for the rest of the project; the only thing
    said here is to pass no target version of pytest-examples' own (it would override ours)."""
    eval_example.set_config(target_version=None)
    monkeypatch.setenv("RUFF_OUTPUT_FORMAT", "concise")  # one line per finding, with file:line
    try:
        eval_example.lint_ruff(code)
    except pytest.fail.Exception as findings:
        return [str(findings).replace(f"{ROOT}/", "")]
    return []
