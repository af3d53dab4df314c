"""The Run buttons, measured: click to output on the first Run (cold: the runtime loads and
boots), on later ones, and on the first Run of the next page (reached by its Next link: instant
navigation keeps the runtime), the bytes the first Run transfers, and Lighthouse's performance
of the longest page built with and without the runtime.

    uv run python scripts/benchmark_runner.py [--runs N] [--no-lighthouse]

Needs Debian's `chromium` (or CHROME_PATH), and for Lighthouse Node.js with npm (see
scripts/benchmark_lighthouse.py, whose functions it reuses). Goals: first Run at most 4 s,
later ones at most 0.3 s. Prints figures; nothing here is a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from benchmark_lighthouse import ROOT, build, lighthouse_cli, measure, serve
from playwright.sync_api import sync_playwright

CHROME = os.environ.get("CHROME_PATH") or shutil.which("chromium")


def longest_page(site: Path) -> str:
    page = max(site.glob("*/index.html"), key=lambda p: p.stat().st_size)
    return page.parent.name + "/"


def timed_run(page, bar) -> float:
    """Seconds from a click on `bar`'s Run button to its output."""
    start = time.perf_counter()
    bar.locator("button").first.dispatch_event("click")
    page.wait_for_function(
        "bar => ['done', 'stopped'].includes(bar.dataset.state)",
        arg=bar.element_handle(),
        timeout=60_000,
    )
    elapsed = time.perf_counter() - start
    page.evaluate("bar => delete bar.dataset.state", bar.element_handle())
    return elapsed


def click_to_output(url: str, runs: int) -> tuple[float, list[float], int, float]:
    """Seconds from click to output, first Run and later ones; bytes the first Run fetched;
    seconds for the first Run on the next page."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROME, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(url, wait_until="networkidle")
        fetched = []
        page.on("requestfinished", lambda r: fetched.append(r.sizes()["responseBodySize"]))
        bars = page.locator(".runner")
        times = []
        for n in range(runs + 1):
            times.append(timed_run(page, bars.nth(n % bars.count())))
            if n == 0:
                first_bytes = sum(fetched)
        page.evaluate("window.stayed = true")  # gone if the Next link reloads the page
        page.evaluate("document.querySelectorAll('.runner').forEach(b => b.dataset.old = 1)")
        page.locator("a.md-footer__link--next").click()
        bar = page.locator(".runner:not([data-old])").first
        bar.wait_for(timeout=10_000)  # the next page swapped in, with a Run button
        next_page = timed_run(page, bar)
        if not page.evaluate("window.stayed === true"):
            print("the Next link reloaded the page: no instant navigation")
        browser.close()
    return times[0], times[1:], first_bytes, next_page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="later Runs to time")
    parser.add_argument("--no-lighthouse", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        site.mkdir()
        base = serve(site)  # first: instant navigation needs the sitemap to name this address
        build(ROOT, site, base)
        path = longest_page(site)
        first, later, fetched, next_page = click_to_output(base + path, args.runs)
        print(f"page: {path}")
        print(f"first Run, click to output (cold, boots Pyodide): {first:.2f} s (goal 4 s)")
        print(
            f"later Runs: median {statistics.median(later):.3f} s, max {max(later):.3f} s "
            f"over {len(later)} (goal 0.3 s)"
        )
        print(f"first Run on the next page (its Next link, no reload): {next_page:.3f} s")
        print(f"transferred on the first Run: {fetched / 2**20:.1f} MiB (uncompressed bodies)")
        if args.no_lighthouse:
            return
        without = Path(tmp) / "without"
        shutil.copytree(site, without)
        for html in without.rglob("*.html"):  # the same site, as a build without the runtime
            text = html.read_text("utf-8")
            start = text.find("<style>.md-typeset .runner")
            end = text.find("</script>", text.find("assets/runner/runner.js"))
            if start != -1 and end != -1:
                html.write_text(text[:start] + text[end + len("</script>") :], "utf-8")
        cli = lighthouse_cli()
        for name, folder in (("with Run buttons", site), ("without", without)):
            url = serve(folder) + path
            runs = [measure(cli, CHROME, url) for _ in range(3)]
            print(
                f"Lighthouse, {path} {name}: performance median "
                f"{statistics.median(r['performance'] for r in runs)}, "
                f"first load {statistics.median(r['KiB'] for r in runs):.0f} KiB, "
                f"{runs[0]['requests']} requests"
            )


if __name__ == "__main__":
    main()
