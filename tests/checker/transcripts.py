"""Interactive sessions on pages: ```pycon blocks, checked the way the REPL behaves.

The standard library's doctest parser reads a transcript into its examples (`>>> ` and `... `
lines, then what the REPL shows). Each transcript runs in a fresh interpreter started in the
example's folder (a copy of `cwd="snippets/NAME"`, or the teaching code's), with `sys.path[0]`
the empty string and `__name__ == "__main__"`, as `python` with no arguments has them. Each
example is compiled as the REPL compiles a line ("single" mode), so an expression's value is
echoed through `sys.displayhook`; an exception shows doctest's way, `Traceback (most recent call
last):`, then `...` or nothing, then its last line.
"""

from __future__ import annotations

import doctest
import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from checker.claims import TIMEOUT_SECONDS, lay_out
from checker.markdown import Fence, fences
from checker.project import ROOT, TEACHING_CODE

# Runs in the example's folder, in the interpreter being checked: each example as the REPL runs
# a line, its output (or exception) recorded apart.
DRIVER = """
import io, json, sys, traceback
_examples, _record = json.loads(sys.argv[1]), sys.argv[2]
_namespace, _results = sys.modules["__main__"].__dict__, []
for _source in _examples:
    _out = sys.stdout = sys.stderr = io.StringIO()
    try:
        exec(compile(_source, "<stdin>", "single"), _namespace)
        _results.append([_out.getvalue(), None])
    except BaseException as _error:
        _last = traceback.format_exception_only(type(_error), _error)[-1]
        _results.append([_out.getvalue(), _last])
        if isinstance(_error, SystemExit):
            break
    finally:
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
with open(_record, "w", encoding="utf-8") as _file:
    json.dump(_results, _file)
"""


@dataclass(eq=False)
class Transcript:
    fence: Fence
    examples: list[doctest.Example]
    problem: str | None = None  # why it can't be run as written

    @property
    def name(self) -> str:
        return f"{self.fence.path.relative_to(ROOT).as_posix()}:{self.fence.line}"

    def where(self, example: doctest.Example) -> str:
        # the fence's line, then the example's own line within the block (0-based)
        return (
            f"{self.fence.path.relative_to(ROOT).as_posix()}:{self.fence.line + 1 + example.lineno}"
        )


def find_transcripts() -> list[Transcript]:
    return [
        read(fence)
        for page in sorted((ROOT / "docs").rglob("*.md"))
        for fence in fences(page)
        if fence.language == "pycon"
    ]


def read(fence: Fence) -> Transcript:
    """A ```pycon block as doctest reads it, or why it can't be read: every line belongs to an
    example, as in a REPL, so text before the first `>>> ` is not allowed."""
    try:
        examples = doctest.DocTestParser().get_examples(fence.body)
    except ValueError as error:  # "line 2 of the docstring for <string> lacks blank after >>>"
        return Transcript(fence, [], f"doctest can't read it: {error}")
    first = next((line for line in fence.body.splitlines() if line.strip()), "")
    if not examples or not first.lstrip().startswith(">>>"):
        return Transcript(fence, examples, "a transcript starts with a `>>> ` line (the prompt)")
    return Transcript(fence, examples)


def shown(example: doctest.Example, output: str, raised: str | None) -> str:
    """What a REPL transcript shows for one example, in doctest's form."""
    if raised is None:
        return output
    return output + "Traceback (most recent call last):\n  ...\n" + raised


def run_transcript(transcript: Transcript, python: str) -> list[str]:
    """Every way the REPL disagrees with the transcript, as `page:line: ...` problems."""
    if transcript.problem:
        return [f"{transcript.name}: {transcript.problem}"]
    cwd = transcript.fence.settings.get("cwd")
    sources = (
        [p for p in sorted((ROOT / cwd).iterdir()) if p.name != "__pycache__"]
        if cwd
        else [ROOT / name for name in TEACHING_CODE]
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = lay_out(Path(tmp) / "example", sources)
        record = Path(tmp) / "record.json"
        sources_json = json.dumps([example.source for example in transcript.examples])
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        done = subprocess.run(
            [python, "-c", DRIVER, sources_json, str(record)],
            cwd=folder,
            env=env | {"PYTHONIOENCODING": "utf-8"},
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
        if not record.exists():
            return [f"{transcript.name}: the interpreter stopped:\n{done.stderr}"]
        results = json.loads(record.read_text(encoding="utf-8"))
        prefixes = sorted({str(folder), str(folder.resolve())}, key=len, reverse=True)

    def relative(text: str) -> str:
        for prefix in prefixes:
            text = text.replace(prefix + os.sep, "")
        return text

    checker, problems = doctest.OutputChecker(), []
    for example, (output, raised) in zip(transcript.examples, results, strict=False):
        got, raised = relative(output), raised and relative(raised)
        if example.exc_msg is not None or raised is not None:  # doctest: the last line counts
            matches = not got and checker.check_output(example.exc_msg or "", raised or "", 0)
        else:
            matches = checker.check_output(example.want, got, 0)
        if not matches:
            expected = example.want.rstrip("\n") or "(nothing)"
            actual = shown(example, got, raised).rstrip("\n") or "(nothing)"
            problems.append(
                f"{transcript.where(example)}: `>>> {example.source.splitlines()[0]}` shows "
                "other than the REPL does\n    --- shown on the page\n    +++ what the REPL shows\n"
                + "".join(f"    - {line}\n" for line in expected.splitlines())
                + "".join(f"    + {line}\n" for line in actual.splitlines())
            )
    if len(results) < len(transcript.examples):
        stopped = transcript.examples[len(results)]
        problems.append(f"{transcript.where(stopped)}: never reached: the REPL exited before it")
    return problems
