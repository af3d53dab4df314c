"""The examples download on the home page works as a reader uses it: unzip, run, same output."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from checker.claims import problems, run_example
from checker.pythons import pythons

ZIP = "downloads/examples.zip"
EXAMPLE = "packages_import_submodule.py"  # imports a submodule of the package


def test_home_page_links_the_download(built_site: Path):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    # The pages are minified: attribute values without spaces lose their quotes.
    assert re.search(rf'href="?{re.escape(ZIP)}"?[\s>]', home), f"docs/index.md: no link to {ZIP}"


def test_an_example_runs_from_the_unzipped_download(built_site: Path, tmp_path: Path):
    with zipfile.ZipFile(built_site / ZIP) as archive:
        archive.extractall(tmp_path)
    source = (tmp_path / EXAMPLE).read_text(encoding="utf-8")
    found = problems(
        source, run_example(pythons()[0].path, tmp_path, [EXAMPLE]), lambda line: f"{ZIP}:{line}"
    )
    if found:
        pytest.fail("\n\n".join(found), pytrace=False)


def test_the_download_is_reproducible(built_site: Path):
    """Same files, same bytes: fixed timestamps and sorted entries."""
    with zipfile.ZipFile(built_site / ZIP) as archive:
        entries = archive.infolist()
    assert [e.filename for e in entries] == sorted(e.filename for e in entries)
    assert {e.date_time for e in entries} == {(1980, 1, 1, 0, 0, 0)}
