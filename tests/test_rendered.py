"""The built site shows only code the suite runs: every Python block on every page is accounted for.

A block is a Python block when Pygments highlights it as Python (`python`, `py`, `pycon`,
`numpy`, a traceback, ...), and a shell block when it highlights it as a shell (`console`,
`bash`, `sh`, `powershell`, ...). A shell block must be a session `tests/test_sessions.py` runs
(a ```` ```console ```` fence). A Python block a reader sees on a built page must be one of:

- **executed**: an example `tests/test_examples.py` collects, and so runs and checks (a block
  written on a page, a snippet included whole, a docstring example on a Reference page);
- **a transcript**: a ```pycon block `tests/test_transcripts.py` runs in the REPL's way;
- **verbatim source**: the current text of a file the examples import or run (teaching code,
  `snippets/**/*.py`), whole or one `--8<-- [start:name]` section, markers left out;
- **opted out**: the text of a file in `unchecked/`, whose first line says why it is not run.

Reference pages (mkdocstrings) show signatures in headings, not in code blocks, and no source
(`show_source: false`); their docstring examples are examples like any other.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from checker.examples import collect, teaching_files
from checker.markdown import fence_places, kind, written_at
from checker.project import ROOT, built_files, url_path
from checker.runner import EXAMPLE_BLOCK, NORUN_REASONS, RUN_SCRIPT
from checker.sessions import SESSIONS
from checker.transcripts import find_transcripts
from page_syntax import included_file

SECTION_MARKER = re.compile(r"--8<-- \[(?P<kind>start|end):(?P<name>[\w-]+)\]")
OPT_OUT = re.compile(r"# Not run: \S")  # the first line of every file in unchecked/


@dataclass
class Block:
    classes: set[str]
    norun: str | None = None  # why it has no Run button (scripts/gen_runtime.py)
    title: str = ""
    text: str = ""
    _in: set[str] = field(default_factory=set)  # "title" / "code" while inside them

    @property
    def kind(self) -> str | None:
        return kind(next((c[9:] for c in self.classes if c.startswith("language-")), ""))


class CodeBlocks(HTMLParser):
    """The highlighted code blocks of a page (Pygments' `<div class="... highlight">`)."""

    def __init__(self):
        super().__init__()
        self.blocks: list[Block] = []
        self._depth = 0  # <div> nesting inside the current block

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = set((attrs.get("class") or "").split())
        if tag == "div" and self._depth:
            self._depth += 1
        elif tag == "div" and "highlight" in classes:
            self.blocks.append(Block(classes, attrs.get("data-norun")))
            self._depth = 1
        elif self._depth and tag == "span" and "filename" in classes:
            self.blocks[-1]._in.add("title")
        elif self._depth and tag == "code":
            self.blocks[-1]._in.add("code")

    def handle_endtag(self, tag):
        if self._depth and tag == "div":
            self._depth -= 1
        elif self._depth and tag in ("span", "code"):
            self.blocks[-1]._in.discard("title" if tag == "span" else "code")

    def handle_data(self, data):
        if self._depth and "code" in self.blocks[-1]._in:
            self.blocks[-1].text += data
        elif self._depth and "title" in self.blocks[-1]._in:
            self.blocks[-1].title += data


def checked_blocks(site: Path, page: Path) -> list[tuple[Block, str]]:
    """The Python and shell blocks of a built page, each with its place: `docs/PAGE.md:LINE` of
    its fence (the nth such fence of the Markdown page is the nth such block), or the HTML page
    for generated pages."""
    parser = CodeBlocks()
    parser.feed(page.read_text(encoding="utf-8"))
    blocks = [b for b in parser.blocks if b.kind]
    places = fence_places(url_path(site, page), len(blocks))
    return list(
        zip(blocks, places or [page.relative_to(site).as_posix()] * len(blocks), strict=True)
    )


def shown(text: str) -> str:
    """Code as a block shows it: no blank lines around it, no trailing spaces."""
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


def source_texts(path: Path) -> dict[str, str]:
    """What including `path` shows, by include name: the whole file and each named section."""
    name = path.relative_to(ROOT).as_posix()
    lines = path.read_text(encoding="utf-8").splitlines()
    texts, open_sections = {name: [ln for ln in lines if not SECTION_MARKER.search(ln)]}, {}
    for line in lines:
        marker = SECTION_MARKER.search(line)
        if marker and marker["kind"] == "start":
            open_sections[marker["name"]] = []
        elif marker:
            texts[f"{name}:{marker['name']}"] = open_sections.pop(marker["name"], [])
        else:
            for section in open_sections.values():
                section.append(line)
    return {key: "\n".join(value) for key, value in texts.items()}


def sources(paths) -> dict[str, str]:
    """Shown text -> include name, for each file (and each named section) of `paths`."""
    found = {}
    for path in paths:
        if path.is_file() and "__pycache__" not in path.parts:
            found |= {shown(text): key for key, text in source_texts(path).items()}
    return found


def label(place: str, number: int, block: Block) -> str:
    first = next((ln for ln in block.text.splitlines() if ln.strip()), "")
    return f"{place}: Python block {number} ({first.strip()!r})"


def test_every_python_block_is_accounted_for(built_site: Path, record_property):
    executed = {shown(e.code.source) for e in collect() if not e.problem}
    transcripts = {shown(t.fence.body) for t in find_transcripts()}
    verbatim = sources([*teaching_files(), *sorted(ROOT.glob("snippets/**/*.py"))])
    opted_out = sources(sorted(ROOT.glob("unchecked/*.py")))
    # A shell block is a session: the one at its page line, or (generated page) one of its text.
    session_places = {f"{s.page.relative_to(ROOT).as_posix()}:{s.line}" for s in SESSIONS}
    session_texts = {shown(s.text) for s in SESSIONS}
    pages = built_files(built_site)
    counts = dict.fromkeys(
        ["blocks", "executed", "transcripts", "verbatim", "opted out", "sessions"], 0
    )
    unaccounted, no_reason, not_run, opted_out_runnable = [], [], [], []
    for page in pages:
        run_buttons = RUN_SCRIPT in page.read_text(encoding="utf-8")  # none if built offline
        blocks = checked_blocks(built_site, page)
        for place, block in ((p, b) for b, p in blocks if b.kind == "shell"):
            if place in session_places or (
                place.endswith(".html") and shown(block.text) in session_texts
            ):
                counts["sessions"] += 1
            else:
                not_run.append(place)
        python = [(b, p) for b, p in blocks if b.kind == "python"]
        for number, (block, place) in enumerate(python, start=1):
            text = shown(block.text)
            counts["blocks"] += 1
            if text in executed:
                counts["executed"] += 1
            elif text in transcripts:
                counts["transcripts"] += 1
            elif text in verbatim:
                counts["verbatim"] += 1
            elif text in opted_out:
                counts["opted out"] += 1
                if not OPT_OUT.match(text):
                    no_reason.append(opted_out[text])
                if run_buttons and block.norun is None:
                    opted_out_runnable.append(
                        f"{label(place, number, block)} shows {opted_out[text]} with a Run "
                        "button, which runs code no check runs (scripts/gen_runtime.py gives an "
                        'opted-out block data-norun="opted-out")'
                    )
            else:
                unaccounted.append(label(place, number, block))
    record_property(
        "summary",
        f"coverage: {len(pages)} pages, {counts['blocks']} python blocks, "
        f"{counts['executed']} executed, {counts['transcripts']} transcripts, "
        f"{counts['verbatim']} verbatim sources, "
        f"{counts['opted out']} opted out, {counts['sessions']} sessions",
    )
    if unaccounted or no_reason or not_run or opted_out_runnable:
        pytest.fail(
            "\n".join(
                [
                    f"{place}: no check runs this block: write it as a ```python example, or include "
                    "a source file (see CONTRIBUTING.md, 'Every block is accounted for')"
                    for place in unaccounted
                ]
                + [
                    f"{name}:1: an opted-out example must start with '# Not run: <reason>'"
                    for name in no_reason
                ]
                + [
                    f"{place}: shell block not run: write it as ```console (or "
                    "```{.console cwd=...}) so the suite runs it (see CONTRIBUTING.md, "
                    "'Shell sessions')"
                    for place in not_run
                ]
                + opted_out_runnable
            ),
            pytrace=False,
        )


def test_every_snippet_is_on_a_page():
    """A script in `snippets/` is an example for readers: some page includes it (whole, or a
    section of it). Otherwise only the examples download would carry it, shown nowhere."""
    included = {
        path
        for page in sorted((ROOT / "docs").rglob("*.md"))
        for line in page.read_text(encoding="utf-8").splitlines()
        if (path := included_file(line))
    }
    unshown = [
        f"{path.relative_to(ROOT).as_posix()}:1: no page includes it: add "
        f'--8<-- "{path.relative_to(ROOT).as_posix()}" to a page, or delete the file'
        for path in sorted((ROOT / "snippets").glob("*.py"))
        if path.relative_to(ROOT).as_posix() not in included
    ]
    if unshown:
        pytest.fail("\n".join(unshown), pytrace=False)


def test_embedded_sources_are_exact(built_site: Path):
    """A block titled with a file of the teaching code shows that file (or a section) as it is,
    included, so that it has no Run button: the examples run the teaching code, which alone
    prints nothing (scripts/gen_runtime.py marks an included part data-norun="source")."""
    by_name = {p.relative_to(ROOT).as_posix(): source_texts(p) for p in teaching_files()}
    stale, checked = [], 0
    for page in built_files(built_site):
        run_buttons = RUN_SCRIPT in page.read_text(encoding="utf-8")  # none if built offline
        python = [(b, p) for b, p in checked_blocks(built_site, page) if b.kind == "python"]
        for number, (block, place) in enumerate(python, start=1):
            file = block.title.split(" ")[0]  # "calculations/trigonometry.py (sin_degrees)"
            if file not in by_name:
                continue
            checked += 1
            if block.text.rstrip("\n") not in by_name[file].values():
                stale.append(
                    f"{label(place, number, block)} is titled {block.title!r} but is not that "
                    f'file\'s current text (include it: --8<-- "{file}")'
                )
            elif run_buttons and block.norun is None:
                stale.append(
                    f"{label(place, number, block)} shows {block.title!r} with a Run button, "
                    f'which runs it alone: include it with one line, --8<-- "{file}" '
                    "(scripts/gen_runtime.py gives an included part of the teaching code none)"
                )
    assert checked, "no page shows a file of the teaching code under its name"
    if stale:
        pytest.fail("\n".join(stale), pytrace=False)


def test_run_coverage(built_site: Path, record_property):
    """Counts the example blocks with a Run button and those without, by reason; a reason
    outside NORUN_REASONS (a typo in a marker) fails."""
    runnable, reasons, unknown = 0, Counter(), []
    for file in built_files(built_site):
        text = file.read_text("utf-8")
        run_buttons = RUN_SCRIPT in text  # a page without the Run script has none
        for match in EXAMPLE_BLOCK.finditer(text):
            reason = re.search(r'data-norun="?([\w-]+)', match[2])
            if reason is None:
                runnable += run_buttons
                continue
            reasons[reason[1]] += 1
            if reason[1] not in NORUN_REASONS:
                page = url_path(built_site, file)
                # The fence's own marker: scripts/gen_runtime.py sets only known reasons.
                marker = rf"""data-norun=["']?{re.escape(reason[1])}(?![\w-])"""
                unknown.append(
                    f"{written_at(page, marker)}: "
                    f'data-norun="{reason[1]}" is no known reason: use one of '
                    + ", ".join(NORUN_REASONS)
                )
    record_property(
        "summary",
        f"runnable: {runnable} blocks run in the browser; not runnable: {reasons.total()} ("
        + ", ".join(f"{reason}: {count}" for reason, count in reasons.most_common())
        + ")",
    )
    assert runnable, (
        "no example block has a Run button: did scripts/gen_runtime.py install Pyodide?"
    )
    if unknown:  # once a line: two blocks misspelt alike name the first (fixed, the next shows)
        pytest.fail("\n".join(dict.fromkeys(unknown)), pytrace=False)
