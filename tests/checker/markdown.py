"""The one parser of fenced code blocks, for examples, sessions and coverage alike.

A fence is ``` or ~~~, three or more, indented as much as its block (in an admonition or a tab,
four spaces more); it closes with a fence of the same character, at least as long, at the same
indentation. Docstrings of the teaching code hold fences too: the same parser reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pygments.lexers import get_lexer_by_name
from pygments.lexers.python import (
    Python2Lexer,
    Python2TracebackLexer,
    PythonConsoleLexer,
    PythonLexer,
    PythonTracebackLexer,
)
from pygments.util import ClassNotFound

from checker.project import ROOT

FENCE = re.compile(
    r"^(?P<indent> *)(?P<fence>(?P<char>[`~])(?P=char){2,})(?!(?P=char))(?P<info>[^\n]*)\n"
    r"(?P<body>.*?)^(?P=indent)(?P=fence)(?P=char)*[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
OPENING = re.compile(r"^ *(```|~~~)", re.MULTILINE)
SETTING = re.compile(r'([\w-]+)="([^"]*)"')
PYTHON_LEXERS = (
    PythonLexer,  # and its subclasses: NumPy, ...
    PythonConsoleLexer,
    PythonTracebackLexer,
    Python2Lexer,
    Python2TracebackLexer,
)


@dataclass
class Fence:
    path: Path
    line: int  # the file's line of the opening fence
    info: str  # what follows the opening fence: `python`, `{.console cwd="snippets/x"}`
    body: str  # the block's text, its indentation removed
    indent: int
    start: int  # where the block's text starts and ends in the file, for rewriting it
    end: int

    @cached_property
    def language(self) -> str:
        """`python`, `{.python title="x"}` -> "python"."""
        words = self.info.strip().lstrip("{").strip().lstrip(".").split()
        return words[0].rstrip("}") if words else ""

    @cached_property
    def settings(self) -> dict[str, str]:
        """The `name="value"` settings of the info string."""
        return dict(SETTING.findall(self.info))

    @property
    def kind(self) -> str | None:
        return kind(self.language)


def kind(language: str) -> str | None:
    """ "python" or "shell" by the Pygments lexer that highlights `language`, else None."""
    try:
        lexer = get_lexer_by_name(language)
    except ClassNotFound:
        return None
    if isinstance(lexer, PYTHON_LEXERS):
        return "python"
    if type(lexer).__module__ == "pygments.lexers.shell":
        return "shell"
    return None


def unclosed(path: Path) -> list[int]:
    """The lines of fences that open and never close: everything after them renders as code,
    and no check would see the block."""
    text = path.read_text(encoding="utf-8")
    inside = [(match.start(), match.end()) for match in FENCE.finditer(text)]
    return [
        text.count("\n", 0, opening.start()) + 1
        for opening in OPENING.finditer(text)
        if not any(start <= opening.start() < end for start, end in inside)
    ]


def fences(path: Path) -> list[Fence]:
    """Every fenced block of a Markdown page or Python file, in order."""
    text = path.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        indent = len(match["indent"])
        body = re.sub(rf"^ {{0,{indent}}}", "", match["body"], flags=re.MULTILINE)
        line = text.count("\n", 0, match.start()) + 1
        found.append(
            Fence(path, line, match["info"], body, indent, match.start("body"), match.end("body"))
        )
    return found


def fence_places(url_path: str, count: int) -> list[str] | None:
    """`docs/PAGE.md:LINE` of each Python or shell fence of the Markdown page built as
    `url_path` ("" for home, "modules/"): the nth such fence is the nth such block on the built
    page, when the page has `count` of them. None for a generated page, or a count that differs."""
    name = url_path.rstrip("/") or "index"
    for page in (ROOT / "docs" / name).with_suffix(".md"), ROOT / "docs" / url_path / "index.md":
        if page.is_file():
            lines = [fence.line for fence in fences(page) if fence.kind]
            if len(lines) == count:
                return [f"{page.relative_to(ROOT).as_posix()}:{line}" for line in lines]
    return None
