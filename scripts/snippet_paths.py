"""MkDocs hook: report a broken `--8<--` include as `page:line: message`, not a traceback.

pymdownx.snippets itself decides whether each include resolves (same base path, same rules for
sections and line ranges). An include that doesn't is logged as a warning, which fails a
`--strict` build, and replaced by a visible note, so `mkdocs serve` keeps serving and picks the
page up again once the file is fixed.
"""

import logging
import sys
from pathlib import Path

import markdown
from pymdownx.snippets import SnippetExtension, SnippetMissingError, SnippetPreprocessor

if str(Path(__file__).parent) not in sys.path:  # MkDocs loads a hook by its path
    sys.path.insert(0, str(Path(__file__).parent))
from page_syntax import included_file

log = logging.getLogger("mkdocs.hooks.snippet_paths")


def on_page_markdown(text, page, config, **kwargs):
    settings = SnippetExtension(**config["mdx_configs"].get("pymdownx.snippets", {})).getConfigs()
    snippets = SnippetPreprocessor(settings, markdown.Markdown())
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        path = included_file(line)
        if path is None:
            continue
        try:
            snippets.run([line])
        except SnippetMissingError as error:
            where = _line_as_written(page, config, lines, number)
            log.warning("docs/%s:%d: %s", page.file.src_uri, where, error)
            lines[number - 1] = f"{line[: len(line) - len(line.lstrip())]}# missing snippet: {path}"
    return "\n".join(lines)


def _line_as_written(page, config, lines, number):
    """`number` in the page's own file: front matter and generated trees shift the text's lines."""
    written = Path(config["docs_dir"], page.file.src_uri)
    if not written.is_file():
        return number  # a generated page
    nth = lines[: number - 1].count(lines[number - 1])  # the same include may appear twice
    hits = [
        n
        for n, line in enumerate(written.read_text(encoding="utf-8").split("\n"), start=1)
        if line == lines[number - 1]
    ]
    return hits[nth] if nth < len(hits) else number
