"""MkDocs as the tests and the benchmarks use it: where the site is published (its `site_url`),
MkDocs without the banners (QUIET), and `mkdocs serve` on a copy of the project for as long as
they need it (serve)."""

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
# Quiet the "MkDocs 2.0" banners of newer plugins; real warnings still print and still fail.
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def published_url(project: Path = ROOT) -> str:
    """The site's `site_url`, where it is published (`SITE_URL` overrides mkdocs.yml's)."""
    return load_config(str(project / "mkdocs.yml")).site_url or "/"


def site_path(project: Path = ROOT) -> str:
    """The path of the site's `site_url` ("/modules-and-packages/"): where its pages are served,
    and what the 404 page's site-absolute links start with."""
    return urlsplit(published_url(project)).path


@contextmanager
def serve(project: Path, log: Path | None = None) -> Iterator[str]:
    """Run `mkdocs serve` in `project` on a free loopback port, its messages into `log`; yield
    the site's address (its `site_url` path on that port); kill it in any case. It builds into
    a temporary folder that it removes only when it exits cleanly: killed, it would leave the
    folder (17 MB) in the system's; here it goes beside `project`."""
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    (temporary := project.parent / "serve-tmp").mkdir(exist_ok=True)
    with open(log or os.devnull, "w") as messages:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=os.environ | QUIET | {"TMPDIR": str(temporary)},
            stdout=subprocess.DEVNULL,
            stderr=messages,
            start_new_session=True,
        )
    try:
        yield f"http://127.0.0.1:{port}{site_path(project)}"
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)  # gone before its folder is removed
