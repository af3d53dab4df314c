"""Every Python example a reader can see runs, prints what its comments say, and passes ruff.

Examples are the Python code blocks written on pages, the docstring examples of the teaching
code, and every script in `snippets/` (tests/checker/examples.py). Each runs on every Python of
the run its `python="..."` tag (if any) is for, in a fresh folder holding `math_operations.py`,
`calculations/` and the example itself, as `python NAME.py`: the layout a reader has after
downloading the examples. `uv run pytest --update-examples` rewrites the comments to match what
the code prints.
"""

from __future__ import annotations

from itertools import zip_longest
from pathlib import Path

import pytest
from checker.claims import GrammarError, lay_out, problems, rewrite, run_example
from checker.examples import Example, collect, lint
from checker.project import ROOT, TEACHING_CODE
from checker.pythons import Python, no_python_for, per_python
from pytest_examples import EvalExample

EXAMPLES = collect()


@pytest.mark.parametrize(
    ("example", "python"), list(per_python(EXAMPLES, lambda e: e.tag, lambda e: e.name))
)
def test_example(
    example: Example,
    python: Python | None,
    eval_example: EvalExample,
    tmp_path: Path,
    record_property,
):
    if example.problem:
        pytest.fail(f"{example.where(0)}: {example.problem}", pytrace=False)
    if python is None:
        no_python_for(example.tag, example.where(0))
    record_property("python", python.name)
    folder = lay_out(tmp_path / "example", [ROOT / name for name in TEACHING_CODE])
    (folder / example.script).write_text(example.code.source, encoding="utf-8")

    run = run_example(python.path, folder, [example.script])
    try:
        if eval_example.update_examples:
            updated = rewrite(example.code.source, run)
            if example.rewritten_on is None:  # the first Python of the run to get here
                example.rewritten_on = python.name
                if updated != example.code.source:
                    example.code.source = updated
                    eval_example.to_update.append(example.code)  # pytest-examples writes it back
                return
            if updated != example.code.source:  # another Python prints otherwise: no one comment
                line = next(
                    n
                    for n, (new, old) in enumerate(
                        zip_longest(updated.splitlines(), example.code.source.splitlines()), 1
                    )
                    if new != old
                )
                pytest.fail(
                    f"{example.where(line)}: prints otherwise on Python {python.name} than on "
                    f"{example.rewritten_on} (whose output the comments now say): show each "
                    "version in a block of its own (CONTRIBUTING.md, 'One Python version only')",
                    pytrace=False,
                )
            return
        found = problems(example.code.source, run, example.where)
    except GrammarError as error:
        line, message = error.args
        found = [f"{example.where(line)}: {message}"]
    except SyntaxError as error:
        found = [f"{example.where(error.lineno or 1)}: {error.msg}"]

    if found:
        pytest.fail(f"on Python {python.name}:\n" + "\n\n".join(found), pytrace=False)


@pytest.mark.parametrize("example", [e for e in EXAMPLES if not e.problem], ids=lambda e: e.name)
def test_example_passes_ruff(example: Example, eval_example: EvalExample, monkeypatch):
    if found := lint(eval_example, example.code, monkeypatch):
        pytest.fail("\n\n".join(found), pytrace=False)
