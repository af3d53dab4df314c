"""Every Python example a reader can see runs, prints what its comments say, and passes ruff.

Examples are the Python code blocks written on pages (`docs/**/*.md`, admonitions and tabs
included), the docstring examples of the teaching code, and every script in `snippets/`. A code
block that only includes a file (`--8<-- "snippets/NAME.py"`) is checked through that file.

Each example runs in a fresh folder holding `math_operations.py`, `calculations/` and the example
itself, as `python NAME.py`: the layout a reader has after downloading the examples.
`uv run pytest --update-examples` rewrites the comments to match what the code prints.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT
from outputs import (
    TEACHING_CODE,
    GrammarError,
    lay_out,
    problems,
    rewrite,
    run_example,
    skip_reason,
)
from pymdownx.snippets import SnippetPreprocessor
from pytest_examples import CodeExample, EvalExample, find_examples

PYTHON_FENCES = {"py", "python", "python3"}


@dataclass
class Example:
    code: CodeExample
    script: str  # the file name it runs as
    problem: str | None = None  # why it can't be checked, when it can't

    @property
    def name(self) -> str:
        path = self.code.path.relative_to(ROOT).as_posix()
        return path if self.code.start_line == 0 else f"{path}:{self.code.start_line}"

    def where(self, line: int) -> str:
        return f"{self.code.path.relative_to(ROOT).as_posix()}:{self.code.start_line + line}"


def _from_fence(code: CodeExample) -> Example | None:
    language = code.prefix.strip("{ .").split()[0] if code.prefix.strip("{ .") else ""
    script = code.prefix_settings().get("title", "example.py")
    lines = [line for line in code.source.splitlines() if line.strip()]
    includes = [SnippetPreprocessor.RE_ALL_SNIPPETS.match(line) for line in lines]
    if language not in PYTHON_FENCES:
        return Example(code, script, f"`{language}` blocks can't be checked: use ```python")
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


def collect() -> list[Example]:
    found = [
        _from_fence(code)
        for code in find_examples(ROOT / "docs", *(ROOT / name for name in TEACHING_CODE))
    ]
    for path in sorted((ROOT / "snippets").glob("*.py")):
        code = CodeExample.create(path.read_text(encoding="utf-8"), path=path)
        code.group = uuid.uuid4()  # lets pytest-examples rewrite the file in place
        found.append(Example(code, path.name))
    return sorted((e for e in found if e), key=lambda e: e.name)


def lint(eval_example: EvalExample, code: CodeExample, monkeypatch) -> list[str]:
    """ruff's findings on `code`, through pytest-examples, as `file:line: rule message` lines."""
    eval_example.set_config(
        target_version="py311",
        isort=True,
        upgrade=True,
        line_length=100,  # as pyproject.toml
        # Star imports are taught (and their pitfalls shown), so ruff may not flag them.
        ruff_ignore=["F403", "F405"],
    )
    monkeypatch.setenv("RUFF_OUTPUT_FORMAT", "concise")  # one line per finding, with file:line
    try:
        eval_example.lint_ruff(code)
    except pytest.fail.Exception as findings:
        return [str(findings).replace(f"{ROOT}/", "")]
    return []


EXAMPLES = collect()


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.name)
def test_example(example: Example, eval_example: EvalExample, tmp_path: Path, monkeypatch):
    if example.problem:
        pytest.fail(f"{example.where(0)}: {example.problem}", pytrace=False)
    try:
        if reason := skip_reason(example.code.prefix_settings().get("python")):
            pytest.skip(reason)
    except GrammarError as error:
        pytest.fail(f"{example.where(0)}: {error.args[1]}", pytrace=False)
    folder = lay_out(tmp_path / "example", [ROOT / name for name in TEACHING_CODE])
    (folder / example.script).write_text(example.code.source, encoding="utf-8")

    run = run_example(folder, [example.script])
    try:
        if eval_example.update_examples:
            updated = rewrite(example.code.source, run)
            if updated != example.code.source:
                example.code.source = updated
                eval_example.to_update.append(example.code)
            return
        found = problems(example.code.source, run, example.where)
    except GrammarError as error:
        line, message = error.args
        found = [f"{example.where(line)}: {message}"]
    except SyntaxError as error:
        found = [f"{example.where(error.lineno or 1)}: {error.msg}"]

    found += lint(eval_example, example.code, monkeypatch)
    if found:
        pytest.fail("\n\n".join(found), pytrace=False)
