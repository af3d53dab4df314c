"""Every Python example a reader can see runs, prints what its comments say, and passes ruff.

Examples are the Python code blocks written on pages, the docstring examples of the teaching
code, and every script in `snippets/` (tests/checker/examples.py). Each runs on every Python of
the run its `python="..."` tag (if any) is for, in a fresh folder holding `math_operations.py`,
`calculations/` and the example itself, as `python NAME.py`: the layout a reader has after
downloading the examples. `uv run pytest --update-examples` rewrites the comments to match what
the code prints.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from checker.claims import GrammarError, lay_out, problems, rewrite, run_example
from checker.examples import Example, collect, lint, rewrite_comments
from checker.project import ROOT, TEACHING_CODE
from checker.pythons import Python, no_python_for, per_python
from pytest_examples import CodeExample, EvalExample

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
            if differs := rewrite_comments(example, python.name, updated, eval_example.to_update):
                pytest.fail(differs, pytrace=False)
            return
        found = problems(example.code.source, run, example.where)
    except GrammarError as error:
        line, message = error.args
        found = [f"{example.where(line)}: {message}"]
    except SyntaxError as error:
        found = [f"{example.where(error.lineno or 1)}: {error.msg}"]

    if found:
        pytest.fail(f"on Python {python.name}:\n" + "\n\n".join(found), pytrace=False)


def test_update_examples_writes_one_pythons_output_and_names_the_others():
    """--update-examples on an example that prints otherwise on another Python of the run: the
    first Python's output is written, once; a Python that agrees passes; one that doesn't fails
    at the line, with both versions of it."""
    code = CodeExample.create('print("x")  # Output: x\n', path=ROOT / "snippets" / "made_up.py")
    example, to_update = Example(code, "made_up.py"), []
    first = 'print("x")  # Output: 3.11\n'
    assert rewrite_comments(example, "3.11.7", first, to_update) is None
    assert (code.source, to_update) == (first, [code])
    assert rewrite_comments(example, "3.12.1", first, to_update) is None
    assert to_update == [code], "written once"
    said = rewrite_comments(example, "3.13.0", 'print("x")  # Output: 3.13\n', to_update)
    assert said is not None
    assert said.startswith(
        "snippets/made_up.py:1: prints otherwise on Python 3.13.0 than on 3.11.7: "
        "'print(\"x\")  # Output: 3.13' here, 'print(\"x\")  # Output: 3.11' there"
    ), said


@pytest.mark.parametrize("example", [e for e in EXAMPLES if not e.problem], ids=lambda e: e.name)
def test_example_passes_ruff(example: Example, eval_example: EvalExample, monkeypatch):
    if found := lint(eval_example, example.code, monkeypatch):
        pytest.fail("\n\n".join(found), pytrace=False)
