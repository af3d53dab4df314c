"""MkDocs hook: less for a reader's browser to download on the first page view.

- Material's stylesheets hold the rules of every feature the theme has. After the build, drop
  the rules that cannot match anything on this site: a selector that needs a class, or an
  attribute value, that no page's HTML and no script of the theme ever uses. Then drop the
  custom properties (`--md-...`) that nothing reads any more, most of them inline SVG icons.
  A selector stays whenever in doubt: classes inside `:not()` or another function, ids and
  element names never count against it. tests/test_browser.py checks that no dropped selector
  matches an element of any page, and tests/test_first_load.py that every custom property the
  trimmed rules read is still declared.
- mkdocstrings links its stylesheet from every page; only the Reference pages use it, so
  overrides/main.html links it there instead.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path

import tinycss2
from mkdocs.config.defaults import MkDocsConfig

MKDOCSTRINGS_CSS = "assets/_mkdocstrings.css"
NAME = re.compile(r"[\w-]+")
VAR = re.compile(r"var\(\s*(--[\w-]+)")


def on_config(config: MkDocsConfig) -> None:
    config.extra_css.remove(MKDOCSTRINGS_CSS)


class NamesInUse(HTMLParser):
    """What the pages could match a selector with: the words in each attribute's values
    (`attributes["class"]` holds every class) and in inline scripts and styles (`words`: the
    theme sets classes and attributes from script, and styles read custom properties)."""

    def __init__(self) -> None:
        super().__init__()
        self.attributes: defaultdict[str, set[str]] = defaultdict(set)
        self.words: set[str] = set()
        self.inline = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.inline = tag in ("script", "style")
        for name, value in attrs:
            self.attributes[name].update(NAME.findall(value or ""))

    def handle_data(self, data: str) -> None:
        if self.inline:
            self.words.update(NAME.findall(data))

    @cached_property
    def prefixes(self) -> tuple[str, ...]:
        """Script words that may begin a longer name: `tabbed-control--${direction}`."""
        return tuple(w for w in self.words if len(w) > 3 and w.endswith(("-", "_")))

    def has(self, attribute: str, value: str) -> bool:
        """Whether a page or a script could give `attribute` this value."""
        return (
            value in self.attributes[attribute]
            or value in self.words
            or value.startswith(self.prefixes)
        )


def names_in_use(site: Path) -> NamesInUse:
    """The names the site's pages use, with every word of the theme's scripts as `words`: its
    bundle and search worker; not lunr's language packs (stemmer word lists), which run inside
    the worker and never touch a page."""
    names = NamesInUse()
    for page in site.rglob("*.html"):
        names.feed(page.read_text(encoding="utf-8"))
    scripts = site / "assets" / "javascripts"
    for script in [*scripts.glob("*.js"), *scripts.glob("workers/*.js")]:
        names.words.update(NAME.findall(script.read_text(encoding="utf-8")))
    return names


def could_match(selector: list, used: NamesInUse) -> bool:
    """False only if the selector, outside any function, needs a class or an exact attribute
    value (`[data-md-color-primary=red]`) that no page has there and no script mentions."""
    for before, token in zip([None, *selector], selector, strict=False):
        if token.type == "ident" and before == "." and not used.has("class", token.value):
            return False
        if token.type == "[] block":
            parts = [t for t in token.content if t.type not in ("whitespace", "comment")]
            exact = len(parts) == 3 and parts[1] == "=" and parts[2].type in ("ident", "string")
            if exact and not used.has(parts[0].value, parts[2].value):
                return False
    return True


def split_selectors(prelude: list) -> list[list]:
    """`a, b` -> [a, b]; commas inside functions stay inside their function token."""
    selectors: list[list] = [[]]
    for token in prelude:
        if token == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def trim(rules: list, used: NamesInUse) -> list:
    """The rules, with selectors that cannot match removed, as (selectors, declarations) for
    style rules and (at-rule head, inner rules) for @media and @supports; others as text."""
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [
                tinycss2.serialize(s).strip()
                for s in split_selectors(rule.prelude)
                if could_match(s, used)
            ]
            if selectors:
                declarations = tinycss2.parse_declaration_list(
                    rule.content, skip_whitespace=True, skip_comments=True
                )
                kept.append((",".join(selectors), [d.serialize() for d in declarations]))
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports"):
            inner = tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True)
            if inner := trim(inner, used):
                kept.append((f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}", inner))
        else:
            kept.append(rule.serialize())
    return kept


def without_unread_properties(rules: list, read: set[str]) -> list:
    """The rules without the declarations of custom properties not in `read`."""
    kept = []
    for rule in rules:
        if isinstance(rule, str):
            kept.append(rule)
            continue
        head, body = rule
        if head.startswith("@"):
            body = without_unread_properties(body, read)
        else:
            body = [d for d in body if not d.startswith("--") or d.split(":", 1)[0] in read]
        if body:
            kept.append((head, body))
    return kept


def css(rules: list) -> str:
    return "".join(
        rule
        if isinstance(rule, str)
        else f"{rule[0]}{{{css(rule[1]) if rule[0].startswith('@') else ';'.join(rule[1])}}}"
        for rule in rules
    )


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    used = names_in_use(site)
    sheets = {
        path: trim(
            tinycss2.parse_stylesheet(
                path.read_text(encoding="utf-8"), skip_whitespace=True, skip_comments=True
            ),
            used,
        )
        for path in (site / "assets" / "stylesheets").glob("*.css")
    }
    read_inline = used.words | used.attributes["style"]
    while True:  # a property may be read only by another one that nothing reads
        read = read_inline | {name for rules in sheets.values() for name in VAR.findall(css(rules))}
        trimmed = {path: without_unread_properties(rules, read) for path, rules in sheets.items()}
        if trimmed == sheets:
            break
        sheets = trimmed
    for path, rules in sheets.items():
        path.write_text(css(rules), encoding="utf-8")
        path.with_name(path.name + ".map").unlink(missing_ok=True)  # maps the untrimmed file
