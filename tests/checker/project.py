"""The checkout, its teaching code, and the site built from it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from mkdocs_commands import QUIET

ROOT = Path(__file__).resolve().parents[2]
# The code the site teaches, beside every example a reader runs: what the project installs
# (pyproject.toml, the one list; scripts/gen_*.py read it too).
TEACHING_CODE: list[str] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
    "tool"
]["hatch"]["build"]["targets"]["wheel"]["only-include"]


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
