"""The site builds with `mkdocs build --strict`: no broken link, anchor, nav entry or include;
every page it builds is one the menu leads to; and what the build can't see in the sources:
fences that never close, prompts in blocks nothing runs, templates that use the theme's
private script API."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from checker.examples import teaching_files
from checker.markdown import fences, swallowed, unclosed, written_at
from checker.project import ROOT, built_pages

# Material's private script API: what a template must not touch, so the site can move to
# Zensical (CONTRIBUTING.md, 'Moving to Zensical'), whose templates can't reach it.
THEME_INTERNALS = re.compile(r"__md_\w+|data-md-component")
JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)


class MenuLinks(HTMLParser):
    """Where the links of the theme's menus (`md-nav__link`) on one page lead."""

    def __init__(self):
        super().__init__()
        self.targets: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "md-nav__link" in (attrs.get("class") or "").split():
            self.targets.add(urlsplit(urljoin("/", attrs.get("href") or "")).path)


# MkDocs names the page of a broken link, not its line: `Doc file 'why.md' contains a link
# 'x.md', ...`, and `A reference to 'x.md' is included in the 'nav' configuration, ...`.
LINK_WARNING = re.compile(r"Doc file '(?P<page>[^']+)' contains an? [a-z ]*link '(?P<link>[^']+)'")
NAV_WARNING = re.compile(r"(?:A reference|An absolute path) to '(?P<link>[^']+)' is included in")
# The pages listed under `The following pages exist in the docs directory, but are not included
# in the "nav" configuration:`, one a line.
NOT_IN_NAV = re.compile(r"^\s+- (?P<page>\S+\.md)$")


def located(warning: str) -> str:
    """A line `mkdocs build` printed, with `FILE:LINE: ` in front if it is about a link written
    in a page of docs/ (as `](link)` or `]: link`, outside code blocks) or in mkdocs.yml's nav.
    (MkDocs checks no link written as raw HTML.) A page left out of the nav is named at its
    first line."""
    if (found := NOT_IN_NAV.match(warning)) and (ROOT / "docs" / found["page"]).is_file():
        return f"docs/{found['page']}:1: not in the menu: add it to `nav` in mkdocs.yml"
    if found := LINK_WARNING.search(warning):
        file, link = ROOT / "docs" / found["page"], re.escape(found["link"])
        written = rf"\]\(<?{link}[>\s)]|\]:\s*<?{link}(?![^>\s])"
    elif found := NAV_WARNING.search(warning):
        file, link = ROOT / "mkdocs.yml", re.escape(found["link"])
        written = rf"[:-]\s*[\"']?{link}[\"']?\s*(#|$)"
    else:
        return warning
    if not file.is_file():
        return warning
    lines = file.read_text(encoding="utf-8").splitlines()
    code = set()  # lines inside fenced blocks, where a link is shown, not made
    for fence in fences(file) if file.suffix == ".md" else []:
        code.update(range(fence.line + 1, fence.line + 1 + fence.body.count("\n")))
    number = next(
        (n for n, line in enumerate(lines, 1) if n not in code and re.search(written, line)), None
    )
    return f"{file.relative_to(ROOT).as_posix()}:{number}: {warning}" if number else warning


def test_strict_build(site_build: tuple[Path, list[str]]):
    built_site, failed = site_build
    if failed:
        pytest.fail(
            "mkdocs build --strict failed:\n" + "\n".join(map(located, failed)), pytrace=False
        )
    pages = built_pages(built_site)
    assert "" in pages
    assert "modules/" in pages


def test_every_page_is_in_the_menu(built_site: Path):
    """A second line behind mkdocs.yml's `validation`, which fails the build on a page left out
    of the nav, but not on one listed in `not_in_nav`."""
    menu = MenuLinks()
    menu.feed((built_site / "index.html").read_text(encoding="utf-8"))
    orphans = [
        page
        for page in built_pages(built_site)
        if "/" + page not in menu.targets and page != "404.html"
    ]
    if orphans:
        pytest.fail(
            "\n".join(
                f"{written_at(page, '^')}: built, but no menu links to it (readers could only "
                "find it by its address): list it in mkdocs.yml's nav, not in `not_in_nav` (a "
                "generated page: in the SUMMARY.txt its generator writes)"
                for page in orphans
            ),
            pytrace=False,
        )


def code_lines(template: Path) -> list[str]:
    """A template's lines with its {# comments #} blanked (line numbers kept)."""
    text = template.read_text(encoding="utf-8")
    return JINJA_COMMENT.sub(lambda c: re.sub(r"[^\n]", " ", c[0]), text).splitlines()


def test_templates_use_no_theme_internals():
    found = [
        f"{path.relative_to(ROOT).as_posix()}:{number}: uses Material's private script API "
        f"({match[0]}): use a documented extension point instead"
        for path in sorted(
            [*(ROOT / "overrides").rglob("*.html"), *(ROOT / "scripts").rglob("*.js")]
        )
        for number, line in enumerate(code_lines(path), start=1)
        if (match := THEME_INTERNALS.search(line))
    ]
    if found:
        pytest.fail("\n".join(found), pytrace=False)


# A prompt: a shell's (`$ `, PowerShell's `PS C:\> `, cmd's `C:\> `) or the REPL's (`>>> `).
PROMPT_LINE = re.compile(r"^\s*(\$|>>>|PS [^>]*>|[A-Za-z]:\\[^>]*>) ")


def test_no_prompt_outside_a_run_block():
    """A command or a `>>> ` line shows what code does, so only a block the suite runs may show
    one: in a ```text block (or any block that is neither Python nor a shell: those have checks
    of their own, tests/test_rendered.py) it would show output nothing checks. A block that
    shows Markdown, fences and all, is left alone."""
    found = [
        f"{page.relative_to(ROOT).as_posix()}:{fence.line + number}: a "
        f"```{fence.language or '(untagged)'} block shows {line.strip()!r}, which nothing runs: "
        "write it as ```console for a command, or ```pycon for `>>> ` lines "
        "(CONTRIBUTING.md, 'Shell sessions' and 'REPL transcripts')"
        for page in sorted((ROOT / "docs").rglob("*.md"))
        for fence in fences(page)
        if fence.kind is None and not re.search(r"^\s*(```|~~~)", fence.body, re.MULTILINE)
        for number, line in enumerate(fence.body.splitlines(), start=1)
        if PROMPT_LINE.match(line)
    ]
    if found:
        pytest.fail("\n".join(found), pytrace=False)


def test_every_fence_closes():
    """A fence that never closes turns the rest of its page into one code block, and no check
    sees what it holds; one left open above a later block runs on to that block's closing fence,
    swallowing it."""
    paths = [*sorted((ROOT / "docs").rglob("*.md")), *teaching_files()]
    found = [
        f"{path.relative_to(ROOT).as_posix()}:{line}: this fence never closes (close it with the "
        "same characters, at least as many, at the same indentation)"
        for path in paths
        for line in unclosed(path)
    ] + [
        f"{path.relative_to(ROOT).as_posix()}:{line}: this fence runs on to the block opened at "
        f"line {inner} and swallows it: close it before that line"
        for path in paths
        for line, inner in swallowed(path)
    ]
    if found:
        pytest.fail("\n".join(found), pytrace=False)
