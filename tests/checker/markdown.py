"""The one parser of fenced code blocks, for examples, sessions and coverage alike, on the
grammar the build reads too (scripts/page_syntax.py). Docstrings of the teaching code hold
fences too: the same parser reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import page_syntax
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

OPENING = re.compile(r"^ *(```|~~~)", re.MULTILINE)
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
        return page_syntax.language(self.info)

    @cached_property
    def settings(self) -> dict[str, str]:
        return page_syntax.settings(self.info)

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
    inside = [(match.start(), match.end()) for match in page_syntax.FENCE.finditer(text)]
    return [
        text.count("\n", 0, opening.start()) + 1
        for opening in OPENING.finditer(text)
        if not any(start <= opening.start() < end for start, end in inside)
    ]


def swallowed(path: Path) -> list[tuple[int, int]]:
    """(line of the fence, line of the fence it swallows) for each fence whose body holds an
    opening fence of its own kind and length: a fence left unclosed above a later block, which
    then closes it. The later block is lost, and no check sees it. (A fence shown inside
    another is written with a longer outer fence, as Markdown allows.)"""
    text = path.read_text(encoding="utf-8")
    found = []
    for match in page_syntax.FENCE.finditer(text):
        inner = rf"^{match['indent']}{match['fence']}(?!{re.escape(match['char'])})[ \t]*[\w{{.]"
        if opening := re.search(inner, match["body"], re.MULTILINE):
            line = text.count("\n", 0, match.start()) + 1
            found.append((line, line + 1 + match["body"].count("\n", 0, opening.start())))
    return found


def fences(path: Path) -> list[Fence]:
    """Every fenced block of a Markdown page or Python file, in order."""
    text = path.read_text(encoding="utf-8")
    found = []
    for match in page_syntax.FENCE.finditer(text):
        indent = len(match["indent"])
        body = re.sub(rf"^ {{0,{indent}}}", "", match["body"], flags=re.MULTILINE)
        line = text.count("\n", 0, match.start()) + 1
        found.append(
            Fence(path, line, match["info"], body, indent, match.start("body"), match.end("body"))
        )
    return found


def source_page(url_path: str) -> Path | None:
    """The Markdown file in docs/ of the page built as `url_path` ("" for home, "modules/");
    None for a generated page."""
    name = url_path.rstrip("/") or "index"
    candidates = ROOT / "docs" / f"{name}.md", ROOT / "docs" / url_path / "index.md"
    return next((page for page in candidates if page.is_file()), None)


def written_at(url_path: str, pattern: str) -> str:
    """`docs/PAGE.md:LINE` of the first line that matches the regular expression `pattern` in
    the Markdown file of the page built as `url_path`; else (no such line, or a generated page)
    the page's address."""
    if page := source_page(url_path):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(pattern, line):
                return f"{page.relative_to(ROOT).as_posix()}:{number}"
    return url_path or "index.html"


def fence_places(url_path: str, count: int) -> list[str] | None:
    """`docs/PAGE.md:LINE` of each Python or shell fence of the Markdown page built as
    `url_path`: the nth such fence is the nth such block on the built page, when the page has
    `count` of them. None for a generated page, or a count that differs."""
    if page := source_page(url_path):
        lines = [fence.line for fence in fences(page) if fence.kind]
        if len(lines) == count:
            return [f"{page.relative_to(ROOT).as_posix()}:{line}" for line in lines]
    return None
