"""Fixtures: the site built once per test run with `mkdocs build --strict`, shared by every
parallel worker; and the closing summary: per-Python counts and the lines tests report."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from checker.project import ROOT, build_site
from filelock import FileLock


@pytest.fixture(scope="session")
def site_build(tmp_path_factory, request) -> tuple[Path, list[str]]:
    """The site, built by the first worker that asks (the others wait for it and reuse it:
    pytest-xdist's documented recipe, one lock in the run's shared temporary folder), and what
    `mkdocs build --strict` printed above INFO, if it failed (tests/test_build.py shows it)."""
    parallel = hasattr(request.config, "workerinput")  # a pytest-xdist worker
    shared = tmp_path_factory.getbasetemp().parent if parallel else tmp_path_factory.getbasetemp()
    site, log = shared / "site", shared / "site.log"
    with FileLock(shared / "site.lock"):
        if not log.exists():
            done = build_site(ROOT, site)
            problems = [line for line in done.stderr.splitlines() if not line.startswith("INFO")]
            log.write_text(f"{done.returncode}\n" + "\n".join(problems), encoding="utf-8")
    returncode, _, problems = log.read_text(encoding="utf-8").partition("\n")
    return site, (problems.splitlines() or ["(it printed nothing)"]) if returncode != "0" else []


@pytest.fixture(scope="session")
def built_site(site_build) -> Path:
    """The built site, for the tests that read it; one line each if it failed to build, so
    that the reason shows once (test_strict_build), not once per test."""
    site, failed = site_build
    if failed:
        pytest.fail(
            "the site did not build: tests/test_build.py::test_strict_build says why",
            pytrace=False,
        )
    return site


def pytest_configure(config):
    """`--update-examples` runs in one process: pytest-examples rewrites the files at the end of
    its session, and parallel workers would each rewrite them from what they read at the start
    (xdist turns itself off for `--pdb` the same way, before it starts its workers)."""
    if config.getoption("update_examples"):
        config.option.numprocesses, config.option.dist, config.option.tx = 0, "no", []


# The longest tests (seconds each) go first, so the parallel workers don't end waiting on one:
# the Run buttons' visit (twenty seconds in a row), the fault suite, then the rest of those.
LONGEST_FIRST = [
    "test_browser.py::test_run_buttons_print_what_the_page_claims",
    "test_faults.py",
    "test_serve.py",
    "test_browser.py",
]


def pytest_collection_modifyitems(items):
    """The longest tests first; of the rest, those that need no site before those that wait
    for its build, so that a worker has something to run while another builds."""

    def rank(item) -> tuple[int, bool]:
        name = item.nodeid.rpartition("/")[2]  # test_browser.py::test_...[...]
        longest = next(
            (n for n, first in enumerate(LONGEST_FIRST) if name.startswith(first)),
            len(LONGEST_FIRST),
        )
        return longest, "site_build" in item.fixturenames  # built_site's too

    items.sort(key=rank)  # stable: otherwise the order stays


def pytest_terminal_summary(terminalreporter):
    """Lines tests record as `record_property("summary", ...)`, the pages the browser checked,
    and how many example, session and transcript runs each Python made (tests record
    `record_property("python", version)`)."""
    lines, runs, browser = [], Counter(), Counter()
    for outcome in ("passed", "failed", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            for name, value in getattr(report, "user_properties", []):
                if name == "summary" and report.when == "call":
                    lines.append(value)
                elif name == "browser" and report.when == "call":
                    scheme, pages, problems = value
                    browser[scheme, "pages"] += pages
                    browser[scheme, "problems"] += problems
                elif name == "python" and report.when == "call":
                    runs[value, outcome] += 1
    for line in lines:
        terminalreporter.write_line(line)
    for scheme in sorted({scheme for scheme, _ in browser}, reverse=True):
        terminalreporter.write_line(
            f"browser ({scheme}): {browser[scheme, 'pages']} pages, "
            f"{browser[scheme, 'problems']} problems"
        )
    versions = sorted({version for version, _ in runs}, key=lambda v: tuple(map(int, v.split("."))))
    if versions:
        terminalreporter.write_line(
            "examples, sessions and transcripts by Python: "
            + "; ".join(
                f"{v}: "
                + ", ".join(
                    f"{runs[v, o]} {o}" for o in ("passed", "failed", "skipped") if runs[v, o]
                )
                for v in versions
            )
        )
    untested = [
        r
        for r in terminalreporter.stats.get("skipped", [])
        if "no interpreter of this run" in str(r.longrepr)
    ]
    if untested:
        terminalreporter.write_line(
            f"blocks for Pythons not in this run: {len(untested)} skipped (with EXAMPLE_PYTHONS "
            "set, as .ci/run sets it, they fail; CONTRIBUTING.md, 'Every supported Python')"
        )
