"""`mkdocs serve` rebuilds when a snippet changes, and survives a missing one (page:line warning,
a placeholder on the page) until it is back, without a restart."""

from __future__ import annotations

import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from checker.project import copy_project
from mkdocs_commands import serve

SNIPPET = "snippets/packages_import_dotted.py"
PAGE = "packages/"
WAIT_SECONDS = 60


def page_text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""  # not up yet, or rebuilding


def wait_for(what: str, check: Callable[[], bool], log: Path) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not check():
        assert time.monotonic() < deadline, (
            f"mkdocs serve: {what} within {WAIT_SECONDS} s; its log:\n" + log.read_text()
        )
        time.sleep(0.1)


def test_serve_reloads_edits_and_survives_a_missing_snippet(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    snippet = project / SNIPPET
    original = snippet.read_text(encoding="utf-8")
    log = tmp_path / "serve.log"
    with serve(project, log) as site:
        url = site + PAGE
        wait_for("the page is served", lambda: "packages_import_dotted.py" in page_text(url), log)

        snippet.write_text(original + "# edited while serving\n", encoding="utf-8")
        wait_for("the edit shows", lambda: "edited while serving" in page_text(url), log)

        snippet.unlink()
        include = (project / "docs/packages.md").read_text(encoding="utf-8").split(SNIPPET)[0]
        where = f"docs/packages.md:{include.count(chr(10)) + 1}: "
        wait_for(
            f"the missing snippet is reported as {where}...",
            lambda: where in log.read_text() and "# missing snippet:" in page_text(url),
            log,
        )

        snippet.write_text(original + "# back again\n", encoding="utf-8")
        wait_for("the fixed snippet shows again", lambda: "back again" in page_text(url), log)
