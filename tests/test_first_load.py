"""scripts/first_load.py trims Material's stylesheets to the rules this site can use. Here,
independently of how it decides: every custom property the trimmed rules read is still declared,
and `dropped_selectors()` lists what it removed, for tests/test_browser.py to check that none of
it matches an element of any page. Also: no script holds up a page's first paint."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import material
import tinycss2
from checker.project import built_files

THEME_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
# What a page at rest cannot show: pseudo-elements and states a reader brings about. A dropped
# selector is checked as if every state held (`:hover` becomes `:is(*)`).
PSEUDO_ELEMENT = re.compile(
    r"::?(?:before|after|first-line|first-letter)(?![\w-])|::[\w-]+(?:\([^)]*\))?"
)
STATE = re.compile(
    r":(?:hover|focus|focus-visible|focus-within|active|visited|link|any-link|target|checked"
    r"|indeterminate|disabled|enabled|placeholder-shown|-webkit-[\w-]+|-moz-[\w-]+)(?![\w(-])"
)


def rules(css: str) -> list[tuple[str, str]]:
    """(selector list, declarations) of every style rule, also inside @media and @supports."""
    found = []
    for rule in tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True):
        if rule.type == "qualified-rule":
            found.append((tinycss2.serialize(rule.prelude), tinycss2.serialize(rule.content)))
        elif rule.type == "at-rule" and rule.content is not None:
            found += rules(tinycss2.serialize(rule.content))
    return found


def selectors(css: str) -> set[str]:
    return {
        selector.strip()
        for prelude, _ in rules(css)
        for selector in re.split(r",(?![^(]*\))", prelude)
    }


def dropped_selectors(site: Path) -> list[str]:
    """The theme's selectors the trimmed stylesheets no longer have, made fit for
    `document.querySelector`."""
    dropped = set()
    for trimmed in (site / "assets" / "stylesheets").glob("*.css"):
        theme = (THEME_CSS / trimmed.name).read_text(encoding="utf-8")
        for selector in selectors(theme) - selectors(trimmed.read_text(encoding="utf-8")):
            dropped.add(STATE.sub(":is(*)", PSEUDO_ELEMENT.sub("", selector)) or "*")
    return sorted(dropped)


def custom_properties(css: str) -> tuple[set[str], set[str]]:
    """The custom properties the rules declare, and those they read."""
    declared, read = set(), set()
    for _, declarations in rules(css):
        declared.update(re.findall(r"(?:^|;)\s*(--[\w-]+)\s*:", declarations))
        read.update(re.findall(r"var\(\s*(--[\w-]+)", declarations))
    return declared, read


def test_trimmed_css_declares_every_property_it_reads(built_site: Path):
    theme, trimmed = "", ""
    for path in (built_site / "assets" / "stylesheets").glob("*.css"):
        theme += (THEME_CSS / path.name).read_text(encoding="utf-8")
        trimmed += path.read_text(encoding="utf-8")
    theme_declared, _ = custom_properties(theme)
    declared, read = custom_properties(trimmed)
    lost = sorted((read & theme_declared) - declared)
    assert not lost, (
        f"scripts/first_load.py dropped the declarations of {len(lost)} custom properties that "
        f"the trimmed stylesheets still read: {', '.join(lost[:5])}"
        + (", ..." if len(lost) > 5 else "")
    )


class Scripts(HTMLParser):
    """A page's `<script>` elements: (attributes, inline text)."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[dict, list[str]]] = []
        self.inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.found.append((dict(attrs), []))
            self.inside = True

    def handle_endtag(self, tag):
        if tag == "script":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.found[-1][1].append(data)


def test_no_script_holds_up_the_first_paint(built_site: Path):
    """Material's script is deferred (overrides/main.html), so what uses its `document$` must
    run after it: as a module, never as an inline classic script."""
    problems = []
    for path in built_files(built_site):
        page = path.relative_to(built_site).as_posix()
        scripts = Scripts()
        scripts.feed(path.read_text(encoding="utf-8"))
        for attrs, text in scripts.found:
            late = "defer" in attrs or "async" in attrs or attrs.get("type") == "module"
            if "src" in attrs and not late:
                problems.append(
                    f"{page}: <script src={attrs['src']}> is neither defer nor async: "
                    "the page cannot paint before it is downloaded and run (see overrides/main.html)"
                )
            if "src" not in attrs and "document$" in "".join(text) and not late:
                problems.append(
                    f"{page}: an inline <script> uses document$, which Material's "
                    'deferred script has not defined yet: make it type="module"'
                )
    assert not problems, "\n".join(problems)
