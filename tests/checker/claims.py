"""Run an example as a reader would, and hold it to its `# Output:` and `# Raises:` comments.

The grammar (CONTRIBUTING.md explains it with examples):

- `statement  # Output: text` at the end of a line: that statement prints exactly the line `text`.
- `# Output:` alone on the line right below a statement, then one `# text` comment per printed
  line (`#` alone for an empty line): that statement, loops and all, prints exactly those lines.
- `# Raises: Type: message`, at the end of the statement's line or on the line below it (after an
  `# Output:` block, if there is one): the program stops there with that exception.

Every line of stdout must be claimed by a comment, and an example that writes to stderr without
an expected exception fails. Paths Python prints are shown relative to the example's folder.
"""

from __future__ import annotations

import ast
import difflib
import io
import os
import re
import shutil
import subprocess
import tokenize
from dataclasses import dataclass, field
from pathlib import Path

RECORDER = Path(__file__).with_name("recorder")
# How long an example or a session command may run. The fault suite shortens it, so that its
# example that never ends is caught in 2 s, not 10 (tests/test_faults.py).
TIMEOUT_SECONDS = int(os.environ.get("EXAMPLE_TIMEOUT_SECONDS", "10"))

_OUTPUT = re.compile(r"# Output:(?P<text>.*)$")
_RAISES = re.compile(r"# Raises:\s*(?P<text>.*)$")
# Near misses (`#Output: 7`, `# Outputs 7`, `# output: 7`, `# Raises ValueError`) and misspellings
# (`# Outptu: 7`, `# Raise: ...`: a word before a colon, close to one of the two) fail instead of
# being read as ordinary comments, so a typo can't switch a check off.
_LOOKS_LIKE_A_CLAIM = re.compile(r"#\s*((?i:outputs?|raises?)\s*:|(Outputs?|Raises?)\b)")
_WORD_AND_COLON = re.compile(r"#\s*(\w+)\s*:")


def _near_miss(comment: str) -> bool:
    word = _WORD_AND_COLON.match(comment)
    misspelt = word and difflib.get_close_matches(word[1].lower(), ["output", "raises"], cutoff=0.8)
    return bool(_LOOKS_LIKE_A_CLAIM.match(comment) or misspelt)


class GrammarError(Exception):
    """A comment that looks like an output claim but breaks the grammar; args: (line, message)."""


@dataclass
class Claim:
    """What the comments say one statement does, and where those comments are."""

    first: int  # the statement's first line
    last: int  # the statement's last line
    col: int
    compound: bool
    output: list[str] = field(default_factory=list)
    raises: str | None = None
    inline_lines: list[int] = field(default_factory=list)  # lines carrying an inline comment
    block_lines: list[int] = field(default_factory=list)  # lines of block comments, whole

    @property
    def line(self) -> int:
        return (self.inline_lines or self.block_lines or [self.first])[0]


@dataclass
class Run:
    stdout: str
    stderr: str
    returncode: int | None  # None: stopped after TIMEOUT_SECONDS
    outputs: list[tuple[int | None, str]]  # (line of __main__ that wrote it, text)
    raised: tuple[int | None, str] | None  # (line, "Type: message")
    loaded: list[str] = field(default_factory=list)  # files of the folder that ran, relative
    stderr_line: int | None = None  # the line of __main__ that first wrote to stderr


def _statements(tree: ast.AST) -> tuple[list[ast.stmt], list[ast.stmt]]:
    """Statements that run at module level (into if/for/with/try bodies), and def/class bodies."""
    found, bodies = [], []
    todo = list(ast.iter_child_nodes(tree))
    while todo:
        node = todo.pop()
        if isinstance(node, ast.stmt):
            found.append(node)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bodies.append(node)
        else:
            todo.extend(ast.iter_child_nodes(node))
    return found, bodies


def parse_claims(source: str) -> list[Claim]:
    """The claims made by the comments of `source`; raises GrammarError or SyntaxError."""
    statements, bodies = _statements(ast.parse(source))
    lines = source.splitlines()
    claims: dict[int, Claim] = {}

    def claim_for(stmt: ast.stmt) -> Claim:
        if id(stmt) not in claims:
            compound = bool(getattr(stmt, "body", None))
            claims[id(stmt)] = Claim(stmt.lineno, stmt.end_lineno, stmt.col_offset, compound)
        return claims[id(stmt)]

    def innermost(line: int) -> ast.stmt:
        around = [s for s in statements if s.lineno <= line <= s.end_lineno]
        return min(around, key=lambda s: s.end_lineno - s.lineno)

    def directly_above(line: int, col: int) -> ast.stmt | None:
        return next(
            (s for s in statements if s.end_lineno == line - 1 and s.col_offset == col), None
        )

    comments = [
        (tok.start[0], tok.start[1], tok.string)
        for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type == tokenize.COMMENT
    ]
    by_line = {line: (col, text) for line, col, text in comments}
    consumed: set[int] = set()
    for line, col, text in comments:
        if line in consumed:
            continue
        output, raises = _OUTPUT.match(text), _RAISES.match(text)
        if not (output or raises):
            if _near_miss(text):
                raise GrammarError(line, f"write `# Output:` or `# Raises:` exactly, not {text!r}")
            continue
        if any(b.lineno < line <= b.end_lineno for b in bodies):
            raise GrammarError(
                line,
                "a claim inside a function or class body is never checked when it is defined: "
                "put it on the statement that calls it",
            )
        alone = not lines[line - 1][:col].strip()
        if not alone:
            claim = claim_for(innermost(line))
            if output:
                claim.output.append(output["text"].removeprefix(" "))
            else:
                claim.raises = raises["text"]
            claim.inline_lines.append(line)
            continue
        stmt = directly_above(line, col)
        if stmt is None:
            raise GrammarError(
                line,
                f"{text.split(':')[0]}: must be on the line right below the statement it "
                "describes, at the same indentation",
            )
        claim = claim_for(stmt)
        claim.block_lines.append(line)
        if raises:
            claim.raises = raises["text"]
            continue
        if output["text"].strip():
            raise GrammarError(
                line,
                "`# Output: text` alone on a line: put it at the end of the statement's "
                "line, or write `# Output:` and the text on the lines below",
            )
        following = line + 1
        while (
            following in by_line
            and by_line[following][0] == col
            and not lines[following - 1][:col].strip()
        ):
            body = by_line[following][1]
            if _RAISES.match(body):
                claim.raises = _RAISES.match(body)["text"]
            elif _OUTPUT.match(body):
                break
            else:
                claim.output.append(body[1:].removeprefix(" "))
            claim.block_lines.append(following)
            consumed.add(following)
            following += 1
    raising = sorted((c for c in claims.values() if c.raises is not None), key=lambda c: c.first)
    if len(raising) > 1:
        raise GrammarError(
            raising[1].line, "a second # Raises: is never reached: the program stops at the first"
        )
    return sorted(claims.values(), key=lambda c: c.first)


def lay_out(folder: Path, sources: list[Path]) -> Path:
    """Make `folder` and copy each file or directory of `sources` into it."""
    folder.mkdir()
    for source in sources:
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, folder / source.name)
    return folder


def run_example(
    python: str, folder: Path, argv: list[str], settings: dict[str, str] | None = None
) -> Run:
    """Run `python *argv` in `folder` with the interpreter `python`, and note which line of
    `__main__` printed what.

    A subprocess, with tests/checker/recorder/sitecustomize.py loaded at start-up, not
    pytest-examples' in-process runner: that one records only `print()` calls made in the
    example's own file, while a reader sees everything the program writes (an imported module's
    print, a traceback, `sys.stdout.write`), and an example must start as `python NAME.py` does
    (its own `sys.path[0]`, `__name__`, a fresh `sys.modules`).

    `settings` are environment variables the reader sets for the command; a PYTHONPATH among
    them is searched before the recorder's folder.
    """
    record = folder.parent / f"{folder.name}.record.txt"
    settings = settings or {}
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env |= settings | {
        "PYTHONPATH": os.pathsep.join(filter(None, [settings.get("PYTHONPATH"), str(RECORDER)])),
        "PYTHONIOENCODING": "utf-8",
        "EXAMPLE_RECORD_FILE": str(record),
    }
    try:
        done = subprocess.run(
            [python, *argv],
            cwd=folder,
            env=env,
            check=False,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as stopped:
        return Run(_text(stopped.stdout), _text(stopped.stderr), None, [], None)
    events = ast.literal_eval(record.read_text(encoding="utf-8")) if record.exists() else []

    def relative(text: str) -> str:
        # Longest first: one prefix may contain the other (a symlinked temporary folder).
        for prefix in sorted({str(folder), str(folder.resolve())}, key=len, reverse=True):
            text = text.replace(prefix + os.sep, "")
        return text

    outputs = [(e["line"], relative(e["text"])) for e in events if e["kind"] == "output"]
    raised = [(e["line"], relative(e["text"])) for e in events if e["kind"] == "raise"]
    return Run(
        relative(done.stdout),
        relative(done.stderr),
        done.returncode,
        outputs,
        raised[0] if raised else None,
        [e["text"] for e in events if e["kind"] == "loaded"],
        next((e["line"] for e in events if e["kind"] == "stderr" and e["line"]), None),
    )


def _text(data: bytes | str | None) -> str:
    return data.decode(errors="replace") if isinstance(data, bytes) else data or ""


def _owner(claims: list[Claim], line: int | None) -> Claim | None:
    around = [c for c in claims if line is not None and c.first <= line <= c.last]
    return min(around, key=lambda c: c.last - c.first, default=None)


def actual_outputs(claims: list[Claim], run: Run) -> tuple[dict[int, list[str]], list[tuple]]:
    """stdout split by the claim whose statement printed it, and what no claim covers."""
    text_by_claim: dict[int, str] = {}
    unclaimed: dict[int | None, str] = {}
    for line, text in run.outputs:
        owner = _owner(claims, line)
        if owner is None:
            unclaimed[line] = unclaimed.get(line, "") + text
        else:
            text_by_claim[id(owner)] = text_by_claim.get(id(owner), "") + text
    lines = {key: text.splitlines() for key, text in text_by_claim.items()}
    return lines, [(line, text.splitlines()) for line, text in unclaimed.items()]


def problems(source: str, run: Run, where) -> list[str]:
    """Every way `run` contradicts the comments of `source`; `where(line)` names a place."""
    claims = parse_claims(source)
    if run.returncode is None:
        return [
            (
                f"{where(1)}: did not finish within {TIMEOUT_SECONDS} s (an endless loop, "
                "or waiting for input?)"
            )
        ]
    found = []
    actual, unclaimed = actual_outputs(claims, run)
    for claim in claims:
        got = actual.get(id(claim), [])
        if got != claim.output:
            diff = difflib.unified_diff(
                claim.output,
                got,
                "expected (the # Output: comment)",
                "actual (stdout)",
                lineterm="",
                n=max(len(got), len(claim.output)),
            )
            found.append(
                f"{where(claim.line)}: the output differs from the comment\n"
                + "\n".join(f"    {d}" for d in diff)
            )
    for line, text in unclaimed:
        shown = "\n".join(f"    {t}" for t in text)
        found.append(f"{where(line or 1)}: prints lines that no # Output: comment shows:\n{shown}")
    if open_line := _line_left_open(claims, run):
        found.append(open_line(where))
    raised_line, raised = run.raised or (None, None)
    expected_raise = next((c for c in claims if c.raises is not None), None)
    if expected_raise and (
        raised != expected_raise.raises or _owner(claims, raised_line) is not expected_raise
    ):
        got = f"{raised} (line {raised_line})" if raised else "nothing"
        found.append(
            f"{where(expected_raise.line)}: expected # Raises: {expected_raise.raises}\n"
            f"    but it raised {got}"
        )
    elif raised and not expected_raise:
        found.append(
            f"{where(raised_line or 1)}: raised an exception no # Raises: comment "
            f"expects:\n{_indent(run.stderr)}"
        )
    elif not raised and (run.returncode or run.stderr):
        found.append(
            f"{where(run.stderr_line or 1)}: exited with status {run.returncode} and wrote to "
            "stderr:\n"
            f"{_indent(run.stderr)}"
        )
    joined = "".join(text for _, text in run.outputs)
    if not found and joined != run.stdout:
        found.append(
            f"{where(1)}: wrote to stdout around Python's print (not checkable):\n"
            f"{_indent(run.stdout)}"
        )
    return found


def _line_left_open(claims: list[Claim], run: Run):
    """A claim's output that doesn't end its line, continued by another statement's output:
    each comment claims whole lines, but the reader sees both on one line."""
    printed, previous = "", None
    for line, text in run.outputs:
        owner = _owner(claims, line) or line
        if printed and not printed.endswith("\n") and owner != previous:
            seen = printed.splitlines()[-1] + text.split("\n")[0]
            return lambda where: (
                f"{where(line or 1)}: continues a line that an earlier statement left open "
                f"(print(..., end=...)), so a reader sees it as one line: {seen!r}"
            )
        printed, previous = printed + text, owner
    return None


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" for line in text.rstrip().splitlines()[-12:])


def rewrite(source: str, run: Run) -> str:
    """`source` with its claims rewritten to say what `run` printed and raised."""
    claims = parse_claims(source)
    lines = source.splitlines()
    actual, unclaimed = actual_outputs(claims, run)
    statements, _ = _statements(ast.parse(source))

    def new_claim(line: int) -> Claim:
        """A claim on the outermost statement running `line`: the loop, not its body."""
        outer = max(
            (s for s in statements if s.lineno <= line <= s.end_lineno),
            key=lambda s: s.end_lineno - s.lineno,
        )
        claim = Claim(
            outer.lineno, outer.end_lineno, outer.col_offset, bool(getattr(outer, "body", None))
        )
        claims.append(claim)
        return claim

    for line, text in unclaimed:
        actual[id(new_claim(line))] = text
    raised_line, raised = run.raised or (None, None)
    raiser = _owner(claims, raised_line)
    if raised and raiser is None:
        raiser = new_claim(raised_line)
    # Edit from the bottom up, so the line numbers of the claims above stay right.
    for claim in sorted(claims, key=lambda c: c.last, reverse=True):
        output = actual.get(id(claim), [])
        raises = raised if claim is raiser else None
        if output == claim.output and raises == claim.raises:
            continue
        for line in sorted(claim.block_lines, reverse=True):
            del lines[line - 1]
        for line in claim.inline_lines:
            lines[line - 1] = re.sub(r"\s*#\s?(Output|Raises):.*$", "", lines[line - 1])
        pad = " " * claim.col
        block = []
        if len(output) == 1 and not claim.compound:
            lines[claim.last - 1] += f"  # Output: {output[0]}"
        elif output:
            block += [f"{pad}# Output:"] + [f"{pad}# {t}".rstrip() for t in output]
        if raises:
            block.append(f"{pad}# Raises: {raises}")
        lines[claim.last : claim.last] = block
    return "\n".join(lines) + "\n"
