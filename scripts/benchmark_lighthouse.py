"""Lighthouse (mobile preset) on every page of this site and on a stock Material for MkDocs
starter, built and measured in the same run on this machine, so the two rows compare fairly.
Both are served on loopback with gzip, as a static host (GitHub Pages) serves them.

    uv run python scripts/benchmark_lighthouse.py [--runs N]

Needs Node.js with npm and Debian's `chromium` (or CHROME_PATH). Lighthouse is installed once
with npm into ~/.cache/modules-and-packages/lighthouse. Performance varies from run to run (on a
2-core machine by several points), so each page is measured N times (default 5, what the
targets are set for), in N rounds over all pages, and its median run by performance is reported,
as Lighthouse's own docs advise, with the range of the N scores.
Prints one row per page, the stock starter's first, then the median page's performance and
what misses a target: on every page 100 for accessibility, best practices and SEO, performance
at least 90 and no third-party request; the median page within 3 points of the starter.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from cache_folder import CACHE
from mkdocs_commands import QUIET

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = "lighthouse@12.8.2"  # the last major that runs on Node 20 (Debian 12's is 18/20)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg"}
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Issue #17's targets for performance: every page at least this...
PERFORMANCE_FLOOR = 90
# ...and the median page at most this many points below the stock starter of the same run.
STARTER_MARGIN = 3


def lighthouse_cli() -> Path:
    """The Lighthouse command line, installed with npm into the cache on first use."""
    prefix = CACHE / "lighthouse"
    cli = prefix / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        print(f"installing {LIGHTHOUSE} into {prefix} ...", file=sys.stderr)
        subprocess.run(
            [
                "npm",
                "install",
                "--silent",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(prefix),
                LIGHTHOUSE,
            ],
            check=True,
        )
    return cli


class StaticHost(SimpleHTTPRequestHandler):
    """Files as a static host serves them: text gzip-compressed when the browser accepts it
    (GitHub Pages does), so transfer sizes are what readers download."""

    def do_GET(self) -> None:
        file = Path(self.translate_path(self.path))
        file = file / "index.html" if self.path.endswith("/") else file
        if (
            file.suffix not in COMPRESSED
            or not file.is_file()
            or "gzip" not in self.headers.get("Accept-Encoding", "")
        ):
            return super().do_GET()
        body = gzip.compress(file.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(file))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def serve(folder: Path) -> str:
    """Serve `folder` on a free loopback port for the rest of the run; return its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(StaticHost, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/"


def build(project: Path, into: Path, site_url: str) -> None:
    """`mkdocs build --strict`, with `site_url` pointing at the loopback server."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(into)],
        cwd=project,
        env=os.environ | QUIET | {"SITE_URL": site_url},
        check=True,
    )


def stock_starter(folder: Path) -> Path:
    """What `mkdocs new` gives, switched to the Material theme: the baseline to beat."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "new", str(folder)], check=True, capture_output=True
    )
    with open(folder / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("theme:\n  name: material\n")
    return folder


def pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as a URL path ("" = home)."""
    return sorted(
        p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html")
    )


def measure(cli: Path, chrome: str, url: str) -> dict:
    """One Lighthouse run in its default (mobile) preset: scores and what the page loaded."""
    done = subprocess.run(
        [
            "node",
            str(cli),
            url,
            "--quiet",
            "--output=json",
            "--output-path=stdout",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=" + " ".join(CHROME_FLAGS),
        ],
        env=os.environ | {"CHROME_PATH": chrome},
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(done.stdout)
    requests = report["audits"]["network-requests"]["details"]["items"]
    host = urlsplit(url).netloc
    return {
        **{name: round(100 * report["categories"][name]["score"]) for name in CATEGORIES},
        "KiB": report["audits"]["total-byte-weight"]["numericValue"] / 1024,
        "requests": len(requests),
        "third-party": sum(urlsplit(r["url"]).netloc not in (host, "") for r in requests),
        "failed": sum(not 100 <= r["statusCode"] < 400 for r in requests),
    }


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score, and the range of all the runs' scores."""
    ranked = sorted(runs, key=lambda run: run["performance"])
    low, high = ranked[0]["performance"], ranked[-1]["performance"]
    return {**ranked[len(ranked) // 2], "range": f"{low}-{high}" if low != high else f"{low}"}


def missed_targets(rows: dict[str, dict], median_page: float, baseline: dict) -> list[str]:
    """Issue #17's targets, given the starter's row of the same run: on every page 100 for
    accessibility, best practices and SEO, performance at least 90, no third-party request;
    the median page's performance at most 3 points below the starter's."""
    misses = []
    for name, row in rows.items():
        missed = [
            f"{category} {row[category]} < 100"
            for category in CATEGORIES[1:]
            if row[category] < 100
        ]
        if row["performance"] < PERFORMANCE_FLOOR:
            missed.append(f"performance {row['performance']} < {PERFORMANCE_FLOOR}")
        if row["third-party"]:
            missed.append(f"{row['third-party']} third-party requests")
        if missed:
            misses.append(f"{name}: {', '.join(missed)}")
    if median_page < baseline["performance"] - STARTER_MARGIN:
        misses.append(
            f"median page: performance {median_page:g}, more than {STARTER_MARGIN} below the "
            f"starter's {baseline['performance']}"
        )
    return misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="Lighthouse runs per page (default 5)")
    runs_per_page = parser.parse_args().runs
    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium")
    if not chrome:
        sys.exit("no Chromium: `sudo apt-get install chromium`, or set CHROME_PATH")
    cli = lighthouse_cli()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        starter, ours = tmp / "starter-site", tmp / "site"
        starter.mkdir(), ours.mkdir()
        starter_url, our_url = serve(starter), serve(ours)
        build(stock_starter(tmp / "starter"), starter, starter_url)
        build(ROOT, ours, our_url)
        runs = [("stock Material starter", starter_url)]
        runs += [(path or "index.html", our_url + path) for path in pages(ours)]

        header = [
            "page",
            "perf",
            "a11y",
            "best pr.",
            "SEO",
            "KiB",
            "requests",
            "3rd-party",
            "failed",
            f"perf of {runs_per_page}",
        ]
        print("{:<44}{:>6}{:>6}{:>10}{:>6}{:>8}{:>10}{:>11}{:>8}{:>12}".format(*header))
        # Round by round over every page, the starter's included: a machine that slows down
        # for a while then weighs on every row alike, not on a few pages measured together.
        measured: dict[str, list[dict]] = {name: [] for name, _ in runs}
        for round_ in range(runs_per_page):
            print(f"round {round_ + 1} of {runs_per_page}...", file=sys.stderr, flush=True)
            for name, url in runs:
                measured[name].append(measure(cli, chrome, url))
        rows = {name: median_run(results) for name, results in measured.items()}
        for name, row in rows.items():
            print(
                "{:<44}{:>6}{:>6}{:>10}{:>6}{:>8.1f}{:>10}{:>11}{:>8}{:>12}".format(
                    name, *row.values()
                )
            )

    baseline = rows.pop("stock Material starter")
    if baseline["failed"]:
        print(
            f"\nThe starter's {baseline['failed']} failed requests (Google Fonts, when this "
            "machine is offline) transferred nothing: its KiB leaves out its web fonts."
        )
    median_page = statistics.median(row["performance"] for row in rows.values())
    print(f"\nmedian page's performance: {median_page:g} (starter: {baseline['performance']})")
    misses = missed_targets(rows, median_page, baseline)
    print("\n".join(["", "targets missed:", *misses]) if misses else "\nevery target met")


if __name__ == "__main__":
    main()
