"""How a page writes its code blocks: the one grammar the build and the checks both read.

`scripts/gen_runtime.py` (the build) marks blocks for the Run buttons with it, and
`tests/checker/` (pytest's `pythonpath` puts this folder on the path) finds and runs them with
it, so that the two can't disagree on which blocks there are or which Python a block is for.

- A fence is ``` or ~~~, three or more, indented as much as its block (in an admonition or a tab,
  four spaces more); it closes with a fence of the same character, at least as long, at the same
  indentation. What follows the opening fence is its info: a language, then `name="value"`
  settings (`{.console cwd="snippets/x"}`).
- A line `--8<-- "snippets/x.py"` (or `"...:section"`, `"...:3:8"`) includes a file, as
  pymdownx.snippets reads it; `;--8<--` shows the line instead. Pages use this one-line form
  only, not pymdownx's block of paths between two `--8<--` lines.
- A `python="..."` setting names the Pythons a block is for: "3.12" (every 3.12 release),
  "3.12+" (3.12.0 and newer), "3.13.0" (that patch release), "3.13.5+" (it and newer), or
  "3.13.0-3.13.4" (a span of releases, its bounds as above).
"""

from __future__ import annotations

import re
import sys

from pymdownx.snippets import SnippetPreprocessor

FENCE = re.compile(
    r"^(?P<indent> *)(?P<fence>(?P<char>[`~])(?P=char){2,})(?!(?P=char))(?P<info>[^\n]*)\n"
    r"(?P<body>.*?)^(?P=indent)(?P=fence)(?P=char)*[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
SETTING = re.compile(r'([\w-]+)="([^"]*)"')

Version = tuple[int, int, int]
NEWEST: Version = (sys.maxsize,) * 3  # what "3.13+" reaches up to
_VERSION = r"3\.\d+(?:\.\d+)?"
_TAG = re.compile(rf"(?P<low>{_VERSION})(?:(?P<newer>\+)|-(?P<high>{_VERSION}))?")


def language(info: str) -> str:
    """A fence's language: `python`, `{.python title="x"}` -> "python"."""
    words = info.strip().lstrip("{").strip().lstrip(".").split()
    return words[0].rstrip("}") if words else ""


def settings(info: str) -> dict[str, str]:
    """A fence's `name="value"` settings."""
    return dict(SETTING.findall(info))


def included_file(line: str) -> str | None:
    """The file a one-line include reads, by pymdownx.snippets' own patterns and as it trims
    them (a section or lines after the name left out); None for any other line, and for an
    escaped include or a commented-out path (`";x.py"`), which include nothing."""
    match = SnippetPreprocessor.RE_ALL_SNIPPETS.match(line)
    if not (match and match["snippet"] and not match["escape"]):
        return None
    path = SnippetPreprocessor.RE_SNIPPET_FILE.match(match["snippet"][1:-1].strip())[1].strip()
    return None if path.startswith(";") else path


def version_range(tag: str) -> tuple[Version, Version]:
    """The Pythons a version tag stands for, as (oldest, newest), both included; ValueError,
    saying how to write one, for a tag that is none."""
    match = _TAG.fullmatch(tag)
    if not match:
        raise ValueError(
            f'python="{tag}": write a version as "3.12", "3.12+", "3.13.0", "3.13.5+" '
            'or "3.13.0-3.13.4"'
        )

    def bound(text: str, last: int) -> Version:
        parts = tuple(int(part) for part in text.split("."))
        return parts if len(parts) == 3 else (*parts, last)

    low = bound(match["low"], 0)
    if match["newer"]:
        return low, NEWEST
    high = bound(match["high"] or match["low"], sys.maxsize)
    if high < low:
        raise ValueError(f'python="{tag}": the span ends before it starts')
    return low, high


def covers(tag: str, version: Version) -> bool:
    """Whether a block tagged `python="<tag>"` is for the Python `version` (ValueError, as
    version_range's, for a tag that is no version)."""
    low, high = version_range(tag)
    return low <= version <= high
