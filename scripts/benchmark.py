"""Print the figures contributors feel: build time, full-suite time, edit-to-reload latency.

    uv run python scripts/benchmark.py [--no-suite]

Edit-to-reload latency is the time from writing a snippet to `mkdocs serve` serving the page
with the change (goal: under 1 s). Everything runs on temporary copies; the checkout is untouched.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from conftest import QUIET, ROOT, build_site, copy_project
from test_serve import PAGE, SNIPPET, page_text, serve, wait_for

RELOADS = 5


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def reload_latencies(tmp: Path) -> list[float]:
    project = copy_project(tmp / "project")
    snippet = project / SNIPPET
    original = snippet.read_text(encoding="utf-8")
    log = tmp / "serve.log"
    latencies = []
    with serve(project, log) as site:
        url = site + PAGE
        wait_for("the page is served", lambda: bool(page_text(url)), log)
        for number in range(RELOADS):
            marker = f"# edit number {number}"
            start = time.perf_counter()
            snippet.write_text(f"{original}{marker}\n", encoding="utf-8")
            wait_for("the edit shows", lambda marker=marker: marker in page_text(url), log)
            latencies.append(time.perf_counter() - start)
            time.sleep(0.5)  # let the watcher settle before the next edit
    return latencies


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        build = timed(lambda: build_site(ROOT, Path(tmp) / "site").check_returncode())
        print(f"build (mkdocs build --strict): {build:.2f} s")
        if "--no-suite" not in sys.argv:
            suite = timed(
                lambda: subprocess.run(
                    [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                    cwd=ROOT,
                    env=os.environ | QUIET,
                    capture_output=True,
                    check=True,
                )
            )
            print(f"full suite (pytest): {suite:.1f} s")
        latencies = reload_latencies(Path(tmp))
        print(
            f"edit-to-reload latency: median {statistics.median(latencies):.2f} s, "
            f"max {max(latencies):.2f} s over {RELOADS} edits (goal: under 1 s)"
        )


if __name__ == "__main__":
    main()
