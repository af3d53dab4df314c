"""The examples download on the home page works as a reader uses it: unzip, run, same output."""

from __future__ import annotations

import itertools
import re
import zipfile
from pathlib import Path

import pytest
from checker.claims import problems, run_example
from checker.pythons import pythons

ZIP = "downloads/examples.zip"
EXAMPLE = "packages_import_submodule.py"  # imports a submodule of the package
FIXED_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a zip entry can carry


def test_home_page_links_the_download(built_site: Path):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    # The pages are minified: attribute values without spaces lose their quotes.
    assert re.search(rf'href="?{re.escape(ZIP)}"?[\s>]', home), f"docs/index.md: no link to {ZIP}"


def test_an_example_runs_from_the_unzipped_download(built_site: Path, tmp_path: Path):
    with zipfile.ZipFile(built_site / ZIP) as archive:
        archive.extractall(tmp_path)
    source = (tmp_path / EXAMPLE).read_text(encoding="utf-8")
    found = problems(
        source,
        run_example(pythons()[0].path, tmp_path, [EXAMPLE]),
        lambda line: f"snippets/{EXAMPLE}:{line} (as unzipped from {ZIP})",
    )
    if found:
        pytest.fail("\n\n".join(found), pytrace=False)


def test_the_download_is_reproducible(built_site: Path):
    """Same files, same bytes: fixed timestamps and sorted entries (scripts/gen_download.py)."""
    with zipfile.ZipFile(built_site / ZIP) as archive:
        entries = archive.infolist()
    names = [e.filename for e in entries]
    found = [
        f"scripts/gen_download.py: {ZIP} lists {later!r} before {name!r}: sort the entries"
        for later, name in itertools.pairwise(names)
        if later > name
    ][:1]
    found += [
        f"scripts/gen_download.py: {ZIP} has {e.filename!r} dated {e.date_time}, not {FIXED_DATE}"
        ": the same files must give the same bytes"
        for e in entries
        if e.date_time != FIXED_DATE
    ][:1]
    if found:
        pytest.fail("\n".join(found), pytrace=False)
