"""MkDocs hook: report a broken `--8<--` include as `page:line: message`, not a traceback.

pymdownx.snippets itself decides whether each include resolves (same base path, same rules for
sections and line ranges). An include that doesn't is logged as a warning, which fails a
`--strict` build, and replaced by a visible note, so `mkdocs serve` keeps serving and picks the
page up again once the file is fixed.
"""

import logging

import markdown
from pymdownx.snippets import SnippetExtension, SnippetMissingError, SnippetPreprocessor

log = logging.getLogger("mkdocs.hooks.snippet_paths")


def on_page_markdown(text, page, config, **kwargs):
    settings = SnippetExtension(**config["mdx_configs"].get("pymdownx.snippets", {})).getConfigs()
    snippets = SnippetPreprocessor(settings, markdown.Markdown())
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        match = SnippetPreprocessor.RE_ALL_SNIPPETS.match(line)
        if not (match and match["snippet"] and not match["escape"]):
            continue
        try:
            snippets.run([line])
        except SnippetMissingError as error:
            log.warning("docs/%s:%d: %s", page.file.src_uri, number, error)
            lines[number - 1] = f"{match['space']}# missing snippet: {match['snippet']}"
    return "\n".join(lines)
