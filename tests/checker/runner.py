"""What a Run button showed, held to what its block claims (tests/test_browser.py).

A Python block's output must be its `# Output:` lines in program order (the claims sorted by
line: the examples print top to bottom), then, for a `# Raises:` block, a traceback ending in the
claimed line; a session's, the lines the page shows under each `$ ` command; a transcript's, what
each `>>>` line shows, its exceptions by their last line (as tests/test_transcripts.py checks).
"""

from __future__ import annotations

import doctest
import re

from checker.claims import GrammarError, parse_claims
from checker.sessions import compare

TRACEBACK = "Traceback (most recent call last):"


def expected_python(code: str) -> tuple[list[str], str | None]:
    """The stdout lines a block's claims promise, in program order, and its `# Raises:` line."""
    claims = parse_claims(code)
    raises = next((claim.raises for claim in claims if claim.raises is not None), None)
    return [line for claim in claims for line in claim.output], raises


def python_problems(code: str, stdout: str, stderr: str) -> list[str]:
    try:
        lines, raises = expected_python(code)
    except SyntaxError as error:  # tests/test_examples.py says more; nothing to compare with
        return [f"ran, but it is not valid Python, so it claims nothing: {error}"]
    except GrammarError as error:
        line, message = error.args
        return [f"ran, but the comment on line {line} of the block can't be read: {message}"]
    found = []
    if stdout.splitlines() != lines:
        found.append(f"stdout {stdout.splitlines()!r}, but its # Output: comments say {lines!r}")
    if raises is None and stderr:
        found.append(f"wrote to stderr, but no # Raises: expects it:\n{stderr}")
    elif raises is not None and not (
        stderr.startswith(TRACEBACK) and stderr.splitlines()[-1:] == [raises]
    ):
        found.append(f"expected a traceback ending in {raises!r}, got:\n{stderr or '(nothing)'}")
    return found


def by_command(text: str) -> list[tuple[str, list[str]]]:
    """A terminal's text as (command, the lines under it) pairs."""
    commands: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("$ "):
            commands.append((line, []))
        elif commands:
            commands[-1][1].append(line)
    return commands


def session_problems(shown: str, output: str) -> list[str]:
    page, browser = by_command(shown), by_command(output)
    if [c for c, _ in page] != [c for c, _ in browser]:
        return [f"ran {[c for c, _ in browser]}, but the page shows {[c for c, _ in page]}"]
    return [
        f"`{command}` shows other output than the page:\n"
        + "\n".join(f"    - {line}" for line in lines)
        + "\n"
        + "\n".join(f"    + {line}" for line in got)
        for (command, lines), (_, got) in zip(page, browser, strict=True)
        if not compare(lines, "\n".join(got), "")
    ]


def transcript_problems(shown: str, output: str) -> list[str]:
    parser, checker = doctest.DocTestParser(), doctest.OutputChecker()
    page, browser = parser.get_examples(shown), parser.get_examples(output)
    if [e.source for e in page] != [e.source for e in browser]:
        return ["ran other `>>>` lines than the page shows"]
    found = []
    for want, got in zip(page, browser, strict=True):
        if want.exc_msg is not None or got.exc_msg is not None:
            ok = (got.exc_msg or "").strip() == (want.exc_msg or "").strip()
        else:
            ok = checker.check_output(want.want, got.want, 0)
        if not ok:
            found.append(
                f"`>>> {want.source.strip()}` shows {got.exc_msg or got.want!r}, "
                f"the page {want.exc_msg or want.want!r}"
            )
    return found


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def language_kind(classes: str) -> str:
    return (re.search(r"\blanguage-(\S+)", classes) or [None, ""])[1]


# Why a block has no Run button: scripts/gen_runtime.py's rules and the fences' own markers
# (CONTRIBUTING.md, "Run it where you read it"); one name per kind.
NORUN_REASONS = {
    "version": "a tab for another Python than the runtime's",
    "source": "one file of a program its session runs",
    "session-command": "a command with settings or switches",
    "processes": "starts processes",
    "how-python-starts": "depends on how `python` starts",
    "install-layout": "depends on what is installed where",
    "opted-out": "a file of unchecked/, which no check runs",
}
RUN_SCRIPT = "assets/runner/runner.js"  # a built page with the Run buttons loads it
EXAMPLE_BLOCK = re.compile(r'<div class="?language-(python|py|pycon|console) highlight"?([^>]*)>')
