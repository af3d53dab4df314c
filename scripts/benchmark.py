"""Print the figures contributors feel: build time against a stock Material starter, the full
suite's time, the CPU it keeps busy and where it goes, and edit-to-reload latency of `mkdocs
serve`.

    uv run python scripts/benchmark.py [--no-suite]

Goals: the README's `uv run pytest` within 60 s on a 2-core machine (with EXAMPLE_PYTHONS set as
CI sets it, when it is set here); the build within 3x the starter's; a snippet edit shown by
`mkdocs serve` within 1 s. Everything runs on temporary copies; the checkout is untouched.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

from benchmark_lighthouse import stock_starter
from mkdocs_commands import QUIET, serve

ROOT = Path(__file__).resolve().parents[1]
BUILDS = 5
RELOADS = 5
SNIPPET, PAGE = "snippets/packages_import_dotted.py", "packages/"


def seconds(command: list[str], cwd: Path, **kwargs) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=os.environ | QUIET, check=True, **kwargs)
    return time.perf_counter() - start


def build_seconds(*projects: tuple[Path, Path]) -> list[float]:
    """The median of BUILDS strict builds of each (project, into), taken in turns, so that a
    change in the machine's load weighs on each alike."""
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d"]
    times: list[list[float]] = [[] for _ in projects]
    for _ in range(BUILDS):
        for (project, into), taken in zip(projects, times, strict=True):
            taken.append(seconds([*build, str(into)], project))
    return [statistics.median(taken) for taken in times]


def busy_seconds() -> float | None:
    """CPU seconds the whole machine has spent busy since boot (Linux's /proc/stat: user, nice,
    system, irq and softirq time), or None elsewhere."""
    try:
        with open("/proc/stat") as stat:
            ticks = [int(n) for n in stat.readline().split()[1:8]]
    except OSError:
        return None
    return (sum(ticks[:3]) + sum(ticks[5:7])) / os.sysconf("SC_CLK_TCK")


def suite(tmp: Path) -> None:
    report = tmp / "junit.xml"
    before = busy_seconds()
    wall = seconds(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={report}"],
        ROOT,
        capture_output=True,
    )
    print(f"full suite (uv run pytest): {wall:.1f} s (goal: 60 s)")
    if before is not None:  # steadier than the wall time when the machine's speed changes
        print(
            f"  CPU busy meanwhile: {busy_seconds() - before:.0f} core-seconds of "
            f"{wall * os.cpu_count():.0f} on {os.cpu_count()} cores (the whole machine's)"
        )
    by_module = Counter()
    for case in ElementTree.parse(report).iter("testcase"):
        by_module[case.get("classname").rpartition(".")[2] + ".py"] += float(case.get("time"))
    print("  time in tests by module, summed over the parallel workers:")
    for module, spent in by_module.most_common():
        print(f"    {module:<22} {spent:6.1f} s")


def reload_latencies(tmp: Path) -> list[float]:
    """Edit a snippet while `mkdocs serve` runs; time until the page shows the edit."""
    project = tmp / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".git", ".venv*", "site"))
    latencies = []
    with serve(project) as site:

        def shows(text: str) -> bool:
            try:
                with urllib.request.urlopen(site + PAGE, timeout=5) as page:
                    return text in page.read().decode()
            except OSError:
                return False

        for number in range(-1, RELOADS):  # the first edit only waits for the server to be up
            marker = f"# edit number {number}"
            start = time.perf_counter()
            (project / SNIPPET).write_text(f"{(ROOT / SNIPPET).read_text()}{marker}\n")
            while not shows(marker):
                assert time.perf_counter() - start < 60, "mkdocs serve showed no edit in 60 s"
                time.sleep(0.02)
            latencies += [time.perf_counter() - start] if number >= 0 else []
            time.sleep(0.5)  # let the watcher settle before the next edit
    return latencies


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        ours, starter = build_seconds(
            (ROOT, tmp / "site"), (stock_starter(tmp / "starter"), tmp / "starter-site")
        )
        print(
            f"build (mkdocs build --strict, median of {BUILDS}, in turns): {ours:.2f} s; stock "
            f"Material starter {starter:.2f} s; ratio {ours / starter:.2f}x (goal: at most 3x)"
        )
        if "--no-suite" not in sys.argv:
            suite(tmp)
        latencies = reload_latencies(tmp)
        print(
            f"edit-to-reload latency: median {statistics.median(latencies):.2f} s, "
            f"max {max(latencies):.2f} s over {RELOADS} edits (goal: under 1 s)"
        )


if __name__ == "__main__":
    main()
