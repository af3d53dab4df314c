"""Shared fixtures: the site built once per test session, with `mkdocs build --strict`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[1]
# Quiet the "MkDocs 2.0" banners of newer plugins; real warnings still print and still fail.
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def build_site(root: Path, into: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the project at `root`; never writes inside the checkout."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(into)],
        cwd=root,
        env=os.environ | QUIET,
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )


def site_path(project: Path = ROOT) -> str:
    """The path of the site's `site_url` ("/modules-and-packages/"): where its pages are served,
    and what the 404 page's site-absolute links start with."""
    return urlsplit(load_config(str(project / "mkdocs.yml")).site_url or "/").path


def built_files(site: Path) -> list[Path]:
    """Every HTML page of a build, as the file to read."""
    return sorted(site.rglob("*.html"))


def url_path(site: Path, file: Path) -> str:
    """A built HTML file's URL path relative to the site root ("" = home)."""
    return file.relative_to(site).as_posix().removesuffix("index.html")


def built_pages(site: Path) -> list[str]:
    """Every HTML page of a build, as a URL path relative to the site root ("" = home)."""
    return sorted(url_path(site, file) for file in built_files(site))


def copy_project(into: Path) -> Path:
    """A copy of the checkout, without git, environments and caches, for tests that edit it."""
    shutil.copytree(
        ROOT,
        into,
        ignore=shutil.ignore_patterns(
            ".git", ".venv*", "site", "__pycache__", ".*_cache", "screenshots"
        ),
    )
    return into


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    done = build_site(ROOT, site)
    problems = [line for line in done.stderr.splitlines() if not line.startswith("INFO")]
    assert done.returncode == 0, "mkdocs build --strict failed:\n" + "\n".join(problems)
    return site


SUMMARY: list[str] = []  # one-line results that tests report at the end of the run


@pytest.fixture
def summary() -> list[str]:
    return SUMMARY


def pytest_terminal_summary(terminalreporter):
    for line in SUMMARY:
        terminalreporter.write_line(line)
    # Examples with python="3.12" on their fence run on that version only (tests/outputs.py).
    other_version = [
        r
        for r in terminalreporter.stats.get("skipped", [])
        if "written for Python" in str(r.longrepr)
    ]
    if other_version:
        terminalreporter.write_line(
            f"examples for another Python: {len(other_version)} skipped on "
            f"{sys.version_info[0]}.{sys.version_info[1]} (run the suite on each version)"
        )
