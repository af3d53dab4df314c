"""Every built page in a real browser (Debian's Chromium driven by Playwright), in the light and
the dark scheme: no console error, no request leaving the site, no axe-core violation right after
load, before any scrolling (Material sets up every code block as the page loads; in the dark
scheme, a page the Run buttons' visit reads is checked there, its outputs shown), no sideways
scrolling on a 375 px phone, terminal output readable on a 390 px one (a traceback's carets under
what they mark). Then the interactions readers rely on, checked with axe too. Screenshots of the
pages with a problem (of every page with SCREENSHOTS=all) land in screenshots/ (git-ignored) for
contributors to look at.

The browser sees the build at the site's published address (mkdocs.yml's `site_url`): Chromium
resolves its host name to a loopback server of the built files (over TLS for https, with a
throwaway certificate from trustme), so that, as on the real host, Material's instant navigation
recognises its pages by the addresses in the sitemap. (Playwright's request routing could answer
from the files with no server, but every request and its answer would pass through Python, and
the browser would cache none of them: 2 to 3 CPU-s more in the Run buttons' visit alone.)"""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import html
import itertools
import os
import re
import shutil
import ssl
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import npm_packages
import pytest
import trustme
from checker.markdown import fence_places, fences, source_page, written_at
from checker.markdown import kind as markdown_kind
from checker.project import ROOT, built_files, built_pages, url_path
from checker.runner import (
    EXAMPLE_BLOCK,
    RUN_SCRIPT,
    first_line,
    python_problems,
    session_problems,
    transcript_problems,
)
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from mkdocs_commands import published_url
from page_syntax import included_file
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

SCHEMES = {"light": "default", "dark": "slate"}  # emulated preference: Material's scheme name
# Tests that share out the pages (one page each today, the 404 page included), so that the
# parallel workers end together.
SHARDS = 18
AXE_RULES = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],  # details of violations only: passes are the slow part
}
# In the dark scheme only colours change: its pages are checked with the rules about colour.
COLOUR_RULES = {
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
    "resultTypes": ["violations"],
}
SCREENSHOTS = ROOT / "screenshots"
RUNTIME = "/assets/pyodide/"  # where scripts/gen_runtime.py puts Pyodide
# Full-page screenshots cost seconds each: of the pages with a problem, or of every page with
# SCREENSHOTS=all (as the GitHub workflow sets it, to upload them).
EVERY_SCREENSHOT = os.environ.get("SCREENSHOTS") == "all"
# Colours mid-transition (search results fading in, a tooltip opening, a scheme switched, the
# header's title after a page change) are no state to check: wait until none has run for two
# frames (one may start a frame late), for at most 5 s. Transitions of colour and opacity only:
# unlike the theme's content tabs' moving underline, which can restart forever, they end.
SETTLED = """async () => {
  const frames = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  for (const deadline = performance.now() + 5000; performance.now() < deadline; ) {
    await frames();
    const changing = document.getAnimations().filter(change => change instanceof CSSTransition
      && /color|opacity|background|fill|stroke|shadow/.test(change.transitionProperty));
    if (changing.length === 0) return;
    await Promise.allSettled(changing.map(change => change.finished));
  }
}"""
SHOWN = "scheme => document.body.dataset.mdColorScheme === scheme"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
NARROW = {"width": 375, "height": 800}
# Terminal sessions (```console) on a phone, each content tab shown in turn (the code box of a
# block in a hidden tab has no width to measure); textContent, not innerText, which is empty for
# a block in a closed <details>. The blocks whose lines overflow their box, and the source lines
# a traceback quotes that wrap above its carets (^^^), which then mark other characters.
CONSOLE_ON_A_PHONE = """() => {
  const clipped = [], astray = [], measured = new Set();
  const measure = () => document.querySelectorAll(".language-console pre > code").forEach(code => {
    if (code.clientWidth === 0 || measured.has(code)) return;
    measured.add(code);
    const lines = code.textContent.trimEnd().split("\\n");
    if (code.scrollWidth > code.clientWidth) {
      clipped.push({ lastLine: lines.at(-1), over: code.scrollWidth - code.clientWidth });
    }
    // The width of a line as the block lays it out (its computed `font` shorthand is empty:
    // Material sets font features on code).
    const style = getComputedStyle(code), pen = document.createElement("canvas").getContext("2d");
    pen.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = code.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    lines.forEach((line, n) => {
      if (n > 1 && /^\\s*[\\^~]+\\s*$/.test(line) && /^\\s*File ".*", line \\d+/.test(lines[n - 2])
          && pen.measureText(lines[n - 1]).width > room) {
        astray.push({ file: lines[n - 2].trim(), line: lines[n - 1].trim() });
      }
    });
  });
  measure();
  for (const tabs of document.querySelectorAll(".tabbed-set")) {
    const inputs = [...tabs.querySelectorAll(":scope > input")];
    const shown = inputs.find(input => input.checked);
    for (const input of inputs) {
      input.checked = true;
      measure();
    }
    if (shown) shown.checked = true;
  }
  return { clipped, astray };
}"""
# Annotation markers left as text: `# (1)!` in a code block with no numbered list right after it;
# each with the first line of its block, which tells the block's fence (marker_place).
LEFT_AS_TEXT = """() => [...document.querySelectorAll("pre code span[class^=c]")]
  .filter(comment => /\\(\\d+\\)!/.test(comment.textContent))
  .map(comment => ({ marker: comment.textContent.trim(),
                     first: comment.closest("code").textContent.trim().split("\\n")[0].trim() }))"""
# Run bars described alike (scripts/runner/runner.js: by the block's title, else its first line,
# folder and section) among those a reader can reach: not in a closed tab or <details>.
DESCRIBED_ALIKE = """() => {
  const count = new Map();
  for (const about of document.querySelectorAll(".runner > span[hidden]")) {
    if (about.parentElement.offsetParent === null) continue;
    count.set(about.textContent, (count.get(about.textContent) ?? 0) + 1);
  }
  return [...count].filter(([, n]) => n > 1).map(([text, n]) => `${n}x ${text}`);
}"""
INSTALL_HINT = (
    "no Chromium to run the browser tests: install one with `sudo apt-get install "
    "chromium-headless-shell` (Debian) or `uv run playwright install chromium`"
)


def find_chromium() -> str | None:
    """The browser to run the tests in, never a download: CHROME_PATH if set (as for the
    benchmarks), else Debian's on PATH, `chromium-headless-shell` before `chromium`. Else
    Playwright's own, if `playwright install chromium` put it here: "", so that launch() picks
    it. None: no browser.

    The headless shell is the build Playwright runs headless tests in by default: the same Blink
    and V8 without the desktop browser around them, and about 20 % less CPU for these tests
    than `chromium --headless` (measured on 2 cores). `CHROME_PATH=/usr/bin/chromium` checks
    in the full browser."""
    if chosen := (
        os.environ.get("CHROME_PATH")
        or shutil.which("chromium-headless-shell")
        or shutil.which("chromium")
    ):
        return chosen
    with sync_playwright() as playwright:
        managed = playwright.chromium.executable_path
    return "" if Path(managed).exists() else None


CHROMIUM = find_chromium()
if CHROMIUM is None and os.environ.get("CI"):  # CI must never hide these tests
    pytest.fail(INSTALL_HINT, pytrace=False)
if CHROMIUM is None:
    pytest.skip(INSTALL_HINT, allow_module_level=True)


class StaticHost(SimpleHTTPRequestHandler):
    """The built site as its host serves it under `site_url`'s path: a folder's index.html, a
    folder without its slash redirected (http.server does both), else the 404 page with status
    404; with GitHub Pages' ten minutes of caching, and connections kept open."""

    prefix = "/"  # site_url's path
    protocol_version = "HTTP/1.1"  # every answer says its length: connections are reused

    def translate_path(self, path: str) -> str:
        inside = (urlsplit(path).path + "/").startswith(self.prefix)
        return super().translate_path(path[len(self.prefix) - 1 :]) if inside else ""  # 404

    def list_directory(self, path):  # a folder without index.html: none on the host
        self.send_error(404)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def site_url() -> str:
    """Where the pages are opened: the site's published address."""
    return published_url()


class LoopbackHost(ThreadingHTTPServer):
    """With `tls` set, each connection's TLS handshake runs in that connection's own thread,
    within 30 s, so that a stalled one can't hold up the others."""

    tls: ssl.SSLContext | None = None

    def finish_request(self, request, client_address) -> None:
        if self.tls is None:
            return super().finish_request(request, client_address)
        request.settimeout(30)
        with self.tls.wrap_socket(request, server_side=True) as connection:
            super().finish_request(connection, client_address)


@pytest.fixture(scope="session")
def site_host(built_site: Path, site_url: str) -> Iterator[tuple[int, list[str]]]:
    """A loopback server of the build, over TLS for an https `site_url` (a certificate for its
    host name from trustme's throwaway authority): its port, and the Chromium flags that make
    the browser trust that certificate as a valid one (so that it caches what it fetches, as
    it doesn't from a host whose certificate it merely ignores)."""
    address = urlsplit(site_url)
    handler = type("Host", (StaticHost,), {"prefix": address.path or "/"})
    server = LoopbackHost(("127.0.0.1", 0), partial(handler, directory=built_site))
    trusted = []
    if address.scheme == "https":
        certificate = trustme.CA().issue_cert(address.hostname)
        server.tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        certificate.configure_cert(server.tls)
        key = x509.load_pem_x509_certificate(certificate.cert_chain_pems[0].bytes()).public_key()
        spki = key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
        digest = base64.b64encode(hashlib.sha256(spki).digest()).decode()
        trusted = [f"--ignore-certificate-errors-spki-list={digest}"]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_port, trusted
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser(site_host: tuple[int, list[str]], site_url: str) -> Iterator[Browser]:
    """Chromium, with the site's host name resolved to the loopback server and every other
    name to none: the browser requests the published addresses, and nothing leaves the
    machine."""
    port, trusted = site_host
    rules = f"MAP {urlsplit(site_url).hostname} 127.0.0.1:{port}, MAP * ~NOTFOUND"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM or None,  # None: Playwright's own headless shell
            chromium_sandbox=os.geteuid() != 0,  # Chromium's sandbox refuses to run as root
            args=[
                f"--host-resolver-rules={rules}",
                *trusted,
                "--no-proxy-server",  # a proxy set in the environment would get the requests
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield browser
        browser.close()


def new_context(browser: Browser, site_url: str) -> BrowserContext:
    """A fresh browser profile; the page's requests over the network (http, https) for
    anything outside `site_url` are listed in `context.outside` (and fail)."""
    context = browser.new_context()
    context.set_default_timeout(10_000)  # a broken interaction fails fast, not after 30 s
    context.outside = []

    def outside(url: str) -> bool:  # blob: and data: URLs are the page's own data
        return urlsplit(url).scheme in ("http", "https") and not url.startswith(site_url)

    context.on(
        "request", lambda request: outside(request.url) and context.outside.append(request.url)
    )
    return context


@pytest.fixture
def context(browser: Browser, site_url: str) -> Iterator[BrowserContext]:
    """A fresh browser profile for the test (new_context)."""
    context = new_context(browser, site_url)
    yield context
    context.close()


class Tab:
    """A tab, and what the page loaded in it does: its console errors, its requests for the Run
    buttons' runtime (its context lists those outside the site, as new_context does).
    test_every_page keeps one a worker (a new tab costs about 1 CPU-s: its renderer starting)."""

    def __init__(self, context: BrowserContext):
        self.context = context
        self.errors: list[str] = []
        self.runtime: list[str] = []
        self.page = self.open()

    def open(self) -> Page:
        page = self.context.new_page()
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: RUNTIME in r.url and self.runtime.append(r.url))
        return page

    def seen(self, name: str) -> list[str]:
        """What the page `name` did besides, since the last call: console errors, requests
        outside the site (then forgotten, so that the next page's are its own)."""
        seen = [f"{name}: console error: {error}" for error in self.errors]
        seen += [f"{name}: request outside the site: {url}" for url in self.context.outside]
        self.errors.clear()
        self.context.outside.clear()
        return seen

    @property
    def python_starts(self) -> int:
        """How often the Run buttons' Python started: its WebAssembly fetched."""
        return sum(url.endswith(RUNTIME + "pyodide.asm.wasm") for url in self.runtime)

    def replace(self) -> None:
        """A new tab instead of one that failed (crashed, say), for the next page."""
        with contextlib.suppress(PlaywrightError):
            self.page.close()
        self.page = self.open()


@pytest.fixture(scope="session")
def tab(browser: Browser, site_url: str) -> Iterator[Tab]:
    """The worker's tab for test_every_page, in a fresh profile."""
    context = new_context(browser, site_url)
    yield Tab(context)
    context.close()


@functools.cache
def axe_script() -> str | npm_packages.NotInstalled:
    """axe-core, as package.json pins it; why not, if npm can't install it (once a worker, not
    once a page)."""
    try:
        return (npm_packages.installed() / "axe-core" / "axe.min.js").read_text("utf-8")
    except npm_packages.NotInstalled as why:
        return why


def axe_violations(page: Page, context: dict | None = None, options: dict = AXE_RULES) -> list[str]:
    """One line per broken axe-core rule: what it asks for, how often, where (CSS selectors);
    on the whole page, or on what `context` includes. axe-core is injected once per document:
    a page checked in two schemes, or pages swapped in by instant navigation, reuse it (up to
    0.2 CPU-s a run)."""
    if not page.evaluate("typeof axe === 'object'"):
        if isinstance(script := axe_script(), npm_packages.NotInstalled):
            pytest.fail(f"no axe-core to check the pages with: {script}", pytrace=False)
        page.evaluate(script)
    found = page.evaluate(
        "([context, options]) => axe.run(context ?? document, options)", [context, options]
    )["violations"]
    return [
        f"axe {v['id']}: {v['help']}; {len(v['nodes'])}x, e.g. "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:3])
        + "".join(
            f"\n    {node['failureSummary'].splitlines()[-1].strip()}" for node in v["nodes"][:1]
        )
        for v in found
    ]


def scheme_problems(page: Page, scheme: str, name: str, context: dict | None = None) -> list[str]:
    """The page switched to `scheme` as the system's preference (Material follows it at once,
    test_palette_follows_the_system_and_the_reader), then checked with axe: every rule in the
    light scheme, the rules about colour in the dark one (only colours change)."""
    page.emulate_media(color_scheme=scheme)
    try:
        page.wait_for_function(SHOWN, arg=SCHEMES[scheme], timeout=5_000)
    except PlaywrightTimeoutError:
        shown = page.evaluate("document.body.dataset.mdColorScheme")
        return [f"{name}: shown in scheme {shown!r}, not {SCHEMES[scheme]!r}"]
    page.evaluate(SETTLED)
    rules = AXE_RULES if scheme == "light" else COLOUR_RULES
    return [f"{name}: {v}" for v in axe_violations(page, context, rules)]


def screenshot(page: Page, name: str, kind: str) -> None:
    """A full-page screenshot in screenshots/, named for the page and `kind` ("dark-desktop")."""
    SCREENSHOTS.mkdir(exist_ok=True)
    shot = name.strip("/").replace("/", "-").removesuffix(".html")
    page.screenshot(path=SCREENSHOTS / f"{shot}-{kind}.png", full_page=True)


def marker_place(path: str, first: str, marker: str) -> str:
    """Where a code annotation's comment `marker` is written, in the block whose first line is
    `first` on the page built as `path`: `FILE:LINE (included at docs/PAGE.md:LINE)` for a block
    that includes a file, `docs/PAGE.md:LINE` for one written on the page; else the page's
    address."""
    page = source_page(path)
    for fence in fences(page) if page else []:
        place = f"{page.relative_to(ROOT).as_posix()}:{fence.line}"
        included = [ROOT / name for row in fence.body.splitlines() if (name := included_file(row))]
        # What the block shows, line by line, each with where it is written.
        if included:
            shown = [
                (f"{file.relative_to(ROOT).as_posix()}:{n} (included at {place})", row)
                for file in included
                if file.is_file()
                for n, row in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1)
            ]
        else:
            shown = [
                (f"{page.relative_to(ROOT).as_posix()}:{fence.line + n}", row)
                for n, row in enumerate(fence.body.splitlines(), start=1)
            ]
        rows = [row.strip() for _, row in shown if row.strip()]
        if rows and rows[0] == first:
            return next((where for where, row in shown if marker in row), place)
    return path or "index.html"


def page_problems(page: Page, site_url: str, path: str, dark: bool) -> dict[str, list[str]]:
    """The page at `path` ("" for home) loaded in the light scheme at desktop size and checked
    with axe at load, then, if `dark`, with the system switched to dark (one switch a page:
    about 0.1 CPU-s each), then its layout on phones; unloaded at the end, so that what it does
    as it goes is its own."""
    name = path or "index.html"
    page.emulate_media(color_scheme="light")
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + path)
    schemes = list(SCHEMES) if dark else ["light"]
    problems: dict[str, list[str]] = {}
    for scheme, when in zip(schemes, ("at load", "switched from light"), strict=False):
        problems[scheme] = scheme_problems(page, scheme, f"{name} ({scheme}), {when}")
        if problems[scheme] or EVERY_SCREENSHOT:
            screenshot(page, name, f"{scheme}-desktop")

    found = problems["light"]  # the rest is the same in either scheme
    found += [
        f"{marker_place(path, left['first'], left['marker'])}: code annotation "
        f"`{left['marker']}` shown as text: no numbered list right after its code block to take "
        "its number"
        for left in page.evaluate(LEFT_AS_TEXT)
    ]
    found += [
        f"{name}: Run bars described alike, which a screen reader's list of buttons can't tell "
        f"apart: {alike}"
        for alike in page.evaluate(DESCRIBED_ALIKE)
    ]
    page.set_viewport_size(PHONE)
    console = page.evaluate(CONSOLE_ON_A_PHONE)
    clipped = console["clipped"]
    found += [
        f"{name}: a ```console block runs {block['over']} px out of its box at "
        f"{PHONE['width']} px wide (console blocks wrap in "
        f"overrides/partials/readers-styles.html); its last line: {block['lastLine']!r}"
        for block in clipped
    ]
    found += [
        f"{written_at(path, re.escape(line))}: a traceback's carets (^^^) mark other characters "
        f"at {PHONE['width']} px wide, under a line that wraps: {line!r}; shorten it in the "
        f"code ({file})"
        for file, line in dict.fromkeys((a["file"], a["line"]) for a in console["astray"])
    ]
    page.set_viewport_size(NARROW)
    overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
    if overflow > 0:
        found.append(f"{name}: scrolls sideways by {overflow} px at {NARROW['width']} px wide")
    if overflow > 0 or clipped or console["astray"] or EVERY_SCREENSHOT:
        screenshot(page, name, f"{schemes[-1]}-mobile")
    page.goto("about:blank")
    return problems


@pytest.mark.parametrize("shard", range(SHARDS), ids=lambda n: f"pages {n + 1} of {SHARDS}")
def test_every_page(shard: int, tab: Tab, site_url: str, built_site: Path, record_property):
    """Every page (page_problems), each loaded once in the worker's tab: no console error, no
    request outside the site, and the Run buttons' runtime loads on the first Run, never
    before. In the dark scheme, a page the Run buttons' visit reads is checked there, whole,
    with its outputs shown (test_run_buttons_print_what_the_page_claims): here, the others."""
    pages = built_pages(built_site)[shard::SHARDS]
    visited = {path for path, _ in reading_order(built_site)}
    problems: dict[str, list[str]] = {scheme: [] for scheme in SCHEMES}
    for path in pages:
        name = path or "index.html"
        dark = path not in visited
        tab.errors.clear()
        tab.runtime.clear()
        tab.context.outside.clear()
        try:
            for scheme, found in page_problems(tab.page, site_url, path, dark).items():
                problems[scheme] += found
        except PlaywrightError as error:  # the tab crashed, say: the next page gets a new one
            problems["light"].append(f"{name}: {error}")
            tab.replace()
        found = problems["light"]
        found += tab.seen(name)
        found += [f"{name}: the runtime loaded before any Run: {url}" for url in tab.runtime]
    checked = {"light": len(pages), "dark": sum(path not in visited for path in pages)}
    for scheme, found in problems.items():
        record_property("browser", (scheme, checked[scheme], len(found)))
    if any(problems.values()):
        pytest.fail("\n".join(problems["light"] + problems["dark"]), pytrace=False)


def test_search_finds_namespace_packages(context: BrowserContext, site_url: str):
    page = context.new_page()
    page.emulate_media(color_scheme="light")
    page.goto(site_url, wait_until="networkidle")
    page.get_by_role("textbox", name="Search").click()
    page.keyboard.type("namespace")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    expect(
        results.filter(has_text=re.compile("namespace package", re.IGNORECASE)).first
    ).to_be_visible()
    shown = [  # the search box and its results (test_every_page checks the rest of the page)
        p
        for s in SCHEMES
        for p in scheme_problems(
            page, s, f"index.html ({s}), results", {"include": [[".md-search"]]}
        )
    ]
    assert not shown, "search results shown:\n" + "\n".join(shown)


# A `# (1)!` comment in a code block, and right after the block the list that gives the
# annotation its text (test_every_page fails on a marker without one).
ANNOTATED = re.compile(r"\(1\)!</span>(?:(?!<pre).)*?</pre></div>\s*<ol>", re.DOTALL)


def first_annotated(site: Path) -> str:
    """The URL path of the first page with a code annotation that has its list."""
    return url_path(
        site, next(f for f in built_files(site) if ANNOTATED.search(f.read_text("utf-8")))
    )


def test_copy_button_copies_the_file(context: BrowserContext, site_url: str, built_site: Path):
    """The copy button of an included file copies the file, annotation markers left out: a plain
    block's and an annotated one's, on the first page with a code annotation."""
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    path = first_annotated(built_site)
    page.goto(site_url + path)
    wrong = []
    for annotated in (False, True):
        titled = {
            block.locator(".filename").inner_text(): block
            for block in page.locator(".highlight:has(.filename)").all()
            if (block.locator(".md-annotation").count() > 0) == annotated
        }
        found = next(
            (
                (block, file)
                for title, block in titled.items()
                for file in (ROOT / "snippets" / title, ROOT / title)
                if file.is_file()
            ),
            None,
        )
        kind = "an annotated" if annotated else "a plain"
        assert found, f"{path}: no longer has {kind} block titled with a file's name to copy"
        block, source = found
        block.hover()
        block.get_by_title("Copy to clipboard").click()
        copied = page.evaluate("navigator.clipboard.readText()")
        expected = re.sub(r" *# \(\d+\)!", "", source.read_text(encoding="utf-8")).rstrip("\n")
        if copied != expected:
            where, got, want = next(
                (
                    (f"line {n}", got, want)
                    for n, (got, want) in enumerate(
                        itertools.zip_longest(copied.splitlines(), expected.splitlines()), start=1
                    )
                    if got != want
                ),
                ("its end", copied[-40:], expected[-40:]),  # line endings, a last newline
            )
            wrong.append(
                f"{path}: the copy button of {source.relative_to(ROOT)}, {where}: copied "
                f"{got!r}, the file has {want!r}"
            )
    assert not wrong, "\n".join(wrong)


def test_code_annotation_opens(context: BrowserContext, site_url: str, built_site: Path):
    """A `# (1)!` comment in a code block becomes a marker that shows item 1 of the list below."""
    path = first_annotated(built_site)
    page = context.new_page()
    page.emulate_media(color_scheme="light")
    page.goto(site_url + path)
    marker = page.locator(".md-annotation").first
    expect(marker, f"{path}: `# (1)!` did not become an annotation marker").to_be_attached()
    marker.focus()
    expect(marker.locator(".md-tooltip__inner")).to_be_visible()
    expect(marker.locator(".md-tooltip__inner")).not_to_be_empty()
    opened = {"include": [[".md-annotation"]]}  # marker and tooltip (the page: test_every_page)
    shown = [p for s in SCHEMES for p in scheme_problems(page, s, f"{path} ({s})", opened)]
    assert not shown, "annotation open:\n" + "\n".join(shown)


def test_palette_follows_the_system_and_the_reader(context: BrowserContext, site_url: str):
    """Material's own palette toggle (mkdocs.yml's `palette:`): automatic, light, dark."""
    page = context.new_page()
    page.emulate_media(color_scheme="dark")  # a page loaded on a dark system is dark
    page.goto(site_url)
    scheme = page.locator("body")
    shown = "index.html: the colour scheme Material's palette toggle shows"
    expect(scheme, shown).to_have_attribute("data-md-color-scheme", "slate")
    page.emulate_media(color_scheme="light")  # "automatic" follows the system as it changes
    expect(scheme, shown).to_have_attribute("data-md-color-scheme", "default")
    page.emulate_media(color_scheme="dark")
    expect(scheme, shown).to_have_attribute("data-md-color-scheme", "slate")
    page.emulate_media(color_scheme="light")
    expect(scheme, shown).to_have_attribute("data-md-color-scheme", "default")
    for _ in range(len(SCHEMES) + 1):  # automatic -> light -> dark
        if scheme.get_attribute("data-md-color-scheme") == "slate":
            break
        page.locator("label[for^=__palette]:visible").click()
    expect(scheme, shown).to_have_attribute("data-md-color-scheme", "slate")
    page.reload()
    expect(scheme, f"{shown}, reloaded").to_have_attribute("data-md-color-scheme", "slate")
    page.locator("input[name=__palette]").first.focus()  # Enter moves on: dark -> automatic
    page.keyboard.press("Enter")
    expect(scheme, f"{shown}, after Enter").to_have_attribute("data-md-color-scheme", "default")
    expect(scheme, f"{shown}, after Enter").to_have_attribute(
        "data-md-color-media", "(prefers-color-scheme)"
    )


def test_content_tab_switches(context: BrowserContext, site_url: str):
    page = context.new_page()
    page.goto(site_url + "modules/")
    tabs = page.locator(".tabbed-set").first
    first, second = tabs.locator(".tabbed-block").nth(0), tabs.locator(".tabbed-block").nth(1)
    expect(first).to_be_visible()
    tabs.locator(".tabbed-labels label").nth(1).click()
    expect(second).to_be_visible()
    expect(first).to_be_hidden()


# The Run buttons (scripts/runner/, CONTRIBUTING.md "Run it where you read it"): every example
# block's button on the page clicked in turn, each run awaited.
RUN_ALL = """async () => {
  const found = [];
  for (const block of document.querySelectorAll(".md-content .highlight:has(pre > code)")) {
    const code = block.querySelector("pre > code").cloneNode(true);
    code.querySelectorAll(".md-annotation").forEach(marker => marker.remove());
    const bar = block.nextElementSibling?.matches(".runner") ? block.nextElementSibling : null;
    const entry = { language: (block.className.match(/language-(\\S+)/) || [])[1] || "",
                    norun: block.dataset.norun || null, text: code.textContent, ran: false };
    if (bar) {
      bar.querySelector("button").click();
      const deadline = performance.now() + 60000;  // a runtime that never boots fails, not hangs
      while (!["done", "stopped"].includes(bar.dataset.state) && performance.now() < deadline) {
        await new Promise(resolve => setTimeout(resolve, 10));
      }
      const out = bar.querySelector(".runner__output");
      const streams = name => [...out.querySelectorAll(`.runner__${name}`)]
        .map(s => s.textContent).join("");
      const live = bar.querySelector('[aria-live="polite"] .runner__output') !== null;
      Object.assign(entry, { ran: true, live, state: bar.dataset.state, output: out.textContent,
                             stdout: streams("stdout"), stderr: streams("stderr") });
    }
    found.push(entry);
  }
  return found;
}"""


def runnable_pages(site: Path) -> set[str]:
    """The pages with the Run script and a Python or shell block."""
    texts = {url_path(site, file): file.read_text("utf-8") for file in built_files(site)}
    return {
        path for path, text in texts.items() if RUN_SCRIPT in text and EXAMPLE_BLOCK.search(text)
    }


NEXT = re.compile(r'<a\b(?=[^>]*\bmd-footer__link--next\b)[^>]*\bhref="?([^"\s>]+)')
TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
# Material's instant navigation has swapped in the page: its address and its title.
ARRIVED = """([url, title]) => location.href.split("#")[0] === url
  && document.title.replace(/\\s+/g, " ").trim() === title"""


@functools.cache  # every page test asks; the built site doesn't change during a run
def reading_order(site: Path) -> tuple[tuple[str, str], ...]:
    """(URL path, title) of each page a reader meets following the Next links from the home page
    (every page of the nav: mkdocs.yml's `validation` fails the build on a page left out)."""
    order: list[tuple[str, str]] = []
    path: str | None = ""
    while path is not None and path not in (seen for seen, _ in order):
        text = (site / path / "index.html").read_text("utf-8")
        order.append((path, " ".join(html.unescape(TITLE.search(text)[1]).split())))
        link = NEXT.search(text)
        path = urljoin("/" + path, link[1]).lstrip("/") if link else None
    return tuple(order)


def block_places(path: str, blocks: list[dict]) -> list[str]:
    """`docs/PAGE.md:LINE` of each block (the nth Python or shell fence of the page is its nth
    such block, as tests/test_rendered.py maps them), else the page and the block's number."""
    counted = [b for b in blocks if markdown_kind(b["language"])]
    page = path or "index.html"
    if places := fence_places(path, len(counted)):
        where = dict(zip(map(id, counted), places, strict=True))
        return [where.get(id(b), f"{page} block {n}") for n, b in enumerate(blocks, start=1)]
    return [f"{page} block {n} ({first_line(b['text'])!r})" for n, b in enumerate(blocks, start=1)]


def edit_reset_and_stop(page: Page) -> None:
    """Edit, Run, Reset on the page's first editable block; then an endless loop edited in runs
    while the page still responds, and Stop ends it and its worker (that the next Run boots a
    fresh one, and the rest of what Stop and Reset do: test_run_buttons_stop_wait_and_recover)."""
    bar = page.locator(".runner:has(button:text-is('Edit'))").first
    block = page.locator(".highlight:has(+ .runner:has(button:text-is('Edit')))").first
    code, output = block.locator("pre > code"), bar.locator(".runner__output")
    original = code.inner_text()
    bar.get_by_role("button", name="Edit").click()
    code.fill('print("edited")\ninput()')
    bar.get_by_role("button", name="Run").click()
    expect(output, "Edit, then Run").to_contain_text("edited")
    # Nothing to read, as for the suite's runs (stdin=DEVNULL), not the browser's prompt().
    expect(output, "input() at the end of input").to_contain_text(
        "EOFError: EOF when reading a line"
    )
    bar.get_by_role("button", name="Reset").click()
    expect(code, "Reset restores the code").to_have_text(original)
    expect(output, "Reset clears the output").to_be_empty()

    bar.get_by_role("button", name="Edit").click()
    code.fill("while True:\n    pass")
    bar.get_by_role("button", name="Run").click()
    expect(output, "an endless loop runs").to_have_text("Running…")
    assert page.evaluate("1 + 1") == 2, "the page froze while an endless loop ran"
    running = [w for w in page.workers if w.url.endswith("/assets/runner/worker.js")]
    assert len(running) == 1, f"one Run worker while the loop runs, not {len(running)}"
    python = running[0]
    try:
        with python.expect_event("close", timeout=5_000):  # its Python spins no more
            bar.get_by_role("button", name="Stop").click()
    except PlaywrightTimeoutError:
        raise AssertionError("Stop left the worker running the endless loop") from None
    expect(output, "Stop ends the endless loop").to_have_text("Stopped.")


def test_run_buttons_print_what_the_page_claims(
    context: BrowserContext, site_url: str, built_site: Path, record_property
):
    """Every Run button's output is its block's claims (checker.runner); then, with the outputs
    shown, axe on the Run bars in the light scheme and on the whole page in the dark one (of
    every page read: test_every_page checks the light scheme at load and leaves the dark one to
    this visit, whose pages show more). The pages are read as a reader does: the home page
    loaded, the rest reached by their Next links, which Material's instant navigation
    (mkdocs.yml) swaps in without a reload, so that Python starts once, as checked here. Edit,
    Reset and Stop are tried last, so that the worker Stop ends is not booted again, on the last
    page before the final one that has an editable block, gone back to with the browser's Back
    button (instant navigation swaps that page in too, and Python stays). A Next link is
    clicked in the page's script, which spares the scrolling down to it (about 1.5 CPU-s over
    the visit); a page is checked first in the scheme the previous page ended in (one switch a
    page)."""
    tab = Tab(context)
    page = tab.page
    page.emulate_media(color_scheme="dark")  # the home page ends in light, n == 1's scheme
    scheme_shown = "dark"
    loads: list[str] = []  # whole-page loads: one, unless a Next link reloads
    page.on("load", lambda loaded: loads.append(loaded.url.removeprefix(site_url) or "index.html"))
    order = reading_order(built_site)
    problems = [
        f"{path}: not reached by the Next links from the home page, so its Run buttons went "
        "unchecked"
        for path in sorted(runnable_pages(built_site) - {path for path, _ in order})
    ]

    ran, editable = 0, None  # editable: the place in `order` of a page to go back to and edit
    dark_pages = dark_problems = 0
    for n, (path, title) in enumerate(order):
        name = path or "index.html"
        if n == 0:  # settled: Material has its sitemap, so that it handles the Next links
            page.goto(site_url + path, wait_until="networkidle")
        else:
            try:
                link = page.locator("a.md-footer__link--next")
                expect(link, f"the Next link to {name}").to_be_visible()  # what a reader clicks
                link.dispatch_event("click")
                page.wait_for_function(ARRIVED, arg=[site_url + path, title])
            except (AssertionError, PlaywrightError) as failed:  # the later pages still checked
                why = str(failed).splitlines()[0]  # not Playwright's call log
                problems.append(f"{name}: not reached by its Next link, so loaded: {why}")
                page.goto(site_url + path, wait_until="networkidle")
        if n == 1:  # the whole page as instant navigation swaps it in (the fixes re-applied)
            problems += scheme_problems(page, "light", f"{name} (light), reached by its Next link")
            scheme_shown = "light"  # it is already, unless the home page had no Run bar
        blocks = page.evaluate(RUN_ALL)
        ran += sum(block["ran"] for block in blocks)
        for place, block in zip(block_places(path, blocks), blocks, strict=True):
            if not block["ran"]:
                if not block["norun"] and markdown_kind(block["language"]):
                    problems.append(f"{place}: no Run button, and no data-norun reason")
                continue
            if not block["live"]:
                problems.append(f"{place}: the output is not in an aria-live=polite region")
            if block["state"] != "done":
                found = [f"did not finish: {block['output']}"]
            elif block["language"] == "console":
                found = session_problems(block["text"], block["output"])
            elif block["language"] == "pycon":
                found = transcript_problems(block["text"], block["output"])
            else:
                found = python_problems(block["text"], block["stdout"], block["stderr"])
            problems += [f"{place}: Run: {problem}" for problem in found]
        # Outputs shown: in the light scheme, the Run bars (test_every_page checks the whole page
        # at load); in the dark one, the whole page (test_every_page leaves that to this visit).
        bars = any(block["ran"] for block in blocks)
        when = "outputs shown" if bars else "loaded" if n == 0 else "reached by its Next link"
        schemes = [scheme_shown, *(scheme for scheme in SCHEMES if scheme != scheme_shown)]
        for scheme in schemes if bars else ["dark"]:
            only = {"include": [[".runner"]]} if scheme == "light" else None
            found = scheme_problems(page, scheme, f"{name} ({scheme}), {when}", only)
            problems += found
            scheme_shown = scheme
            if found or (EVERY_SCREENSHOT and scheme == "dark"):
                screenshot(page, name, f"{scheme}-desktop" if scheme == "dark" else "light-outputs")
            if scheme == "dark":
                dark_pages, dark_problems = dark_pages + 1, dark_problems + len(found)
        # A page before the last: the browser's Back button leads there, as it does readers.
        if n < len(order) - 1 and page.locator(".runner button:text-is('Edit')").count():
            editable = n
        problems += tab.seen(name)
    if editable is not None:
        path, title = order[editable]
        try:
            for _ in order[editable + 1 :]:  # as a reader goes back; instant navigation swaps in
                page.go_back()
            page.wait_for_function(ARRIVED, arg=[site_url + path, title])
            edit_reset_and_stop(page)
        except (AssertionError, PlaywrightError) as failed:
            problems.append(f"{path or 'index.html'}: Edit, Reset and Stop: {failed}")
        problems += tab.seen(path or "index.html")
    if len(loads) > 1:
        problems.append(
            f"a Next link or going back reloaded the page ({', '.join(loads[1:])}); "
            "mkdocs.yml's navigation.instant swaps pages in, so that Python stays started"
        )
    if tab.python_starts > 1:
        problems.append(f"Python started {tab.python_starts} times, not once")
    if ran and not tab.python_starts:
        problems.append(f"blocks ran, but Python's start ({RUNTIME}) was never seen")
    if ran and editable is None:
        problems.append(
            "no page before the last has an editable block: Edit, Reset and Stop went unchecked"
        )
    record_property("browser", ("dark", dark_pages, dark_problems))
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


# A stand-in for the Run buttons' worker (scripts/runner/worker.js): the same messages, no
# Python. An example with an endless loop never answers; one that mentions "no reply" doesn't
# even say it started (on a booted worker: its reply held up on a busy machine); one that
# mentions "many lines" prints 100,000 of them (the first 5,000 characters long) and a traceback
# of 602; any other prints which run of this worker it is. In MODE "mute" its Python never
# starts, in "broken" it fails to start, as worker.js reports it.
STAND_IN_WORKER = """let runs = 0;
onmessage = ({ data }) => {
  if (MODE === "mute") return;
  if (MODE === "broken") return postMessage({ error: "TypeError: Failed to fetch" });
  const code = Object.values(data.files ?? {}).join("");
  if (code.includes("no reply")) return;
  postMessage({ started: true });
  if (code.includes("many lines")) {
    const stdout = "x".repeat(5000) + "\\n" + "line\\n".repeat(99999);
    const stderr = "Traceback (most recent call last):\\n" + "  a frame\\n".repeat(600)
      + "ZeroDivisionError: division by zero\\n";
    postMessage({ result: [[stdout, stderr]] });
  } else if (!code.includes("while True")) {
    postMessage({ result: [[`run ${++runs} of this worker\\n`, ""]] });
  }
};"""


def two_runnable_pages(site: Path) -> int:
    """The place in reading_order of the first page with an editable (Python) block and another
    block to run, followed by a page with a block to run."""
    order = reading_order(site)
    runnable = [
        [
            m[1]
            for m in EXAMPLE_BLOCK.finditer((site / path / "index.html").read_text("utf-8"))
            if "data-norun" not in m[2]
        ]
        for path, _ in order
    ]
    return next(
        n
        for n, kinds in enumerate(runnable[:-1])
        if len(kinds) > 1 and {"python", "py"} & set(kinds) and runnable[n + 1]
    )


def test_run_buttons_stop_wait_and_recover(
    context: BrowserContext, site_url: str, built_site: Path
):
    """The Run buttons' bookkeeping (scripts/runner/runner.js), with a stand-in worker
    (STAND_IN_WORKER; the real one runs in test_run_buttons_print_what_the_page_claims): a Run
    button is described by its block's title or first line; a block waiting for another's run
    says so, and its Stop stops it alone, handing the keyboard focus back to its Run; Reset
    stops its own block's run; a long output shows its first lines (its traceback's last) and
    how many more there were; Stop ends a running example's worker, and the next Run starts a
    new one; the time limit stops a run 10 s after it shows "Running…"; a run left going on a
    page left behind doesn't hold up the next page's; a worker that fails to load, or whose
    Python never starts or fails to, is dropped, and the next Run starts a new one."""
    worker = {"status": 200, "mode": "ok"}
    context.route(
        re.compile(r".*/assets/runner/worker\.js$"),
        lambda route: route.fulfill(
            status=worker["status"],
            body=STAND_IN_WORKER.replace("MODE", repr(worker["mode"])),
            content_type="text/javascript",
        ),
    )
    order = reading_order(built_site)
    n = two_runnable_pages(built_site)
    page = context.new_page()
    page.clock.install()  # time flows, and a test can jump ahead
    page.goto(site_url + order[n][0], wait_until="networkidle")  # as the Run buttons' visit
    bars = page.locator(".runner")
    looping = page.locator(".runner:has(button:text-is('Edit'))").first
    code = page.locator(".highlight:has(+ .runner:has(button:text-is('Edit')))").first
    waiting = bars.last  # another block: the first editable one comes before the last

    def output(bar):
        return bar.locator(".runner__output")

    def start_a_loop(loop="while True:\n    pass"):
        looping.get_by_role("button", name="Edit").click()
        code.locator("pre > code").fill(loop)
        looping.get_by_role("button", name="Run").click()
        expect(output(looping), "an endless loop").to_have_text("Running…")

    about = [bar.locator("span[hidden]").text_content() for bar in (looping, waiting)]
    assert all(about) and about[0] != about[1], f"two blocks' Run buttons, described: {about}"
    for bar, text in zip((looping, waiting), about, strict=True):
        expect(
            bar.get_by_role("button", name="Run"), "a Run button says which block it is for"
        ).to_have_accessible_description(text)
    start_a_loop()
    waiting.get_by_role("button", name="Run").dblclick()  # the second click is ignored
    expect(output(waiting), "a Run behind another").to_have_text(
        "Waiting for the example that is running…"
    )
    waiting.get_by_role("button", name="Stop").click()
    expect(output(waiting), "Stop on a waiting run").to_have_text("Stopped.")
    expect(waiting.get_by_role("button", name="Run"), "focus after Stop").to_be_focused()
    expect(output(looping), "Stop stops its own block's run only").to_have_text("Running…")
    looping.get_by_role("button", name="Reset").click()
    expect(output(looping), "Reset during a run").to_be_empty()
    looping.get_by_role("button", name="Run").click()
    expect(output(looping), "the first run of a new worker after Reset").to_have_text(
        "run 1 of this worker"  # and no run left over from the double click ran before it
    )
    expect(output(waiting), "a stopped run stays stopped").to_have_text("Stopped.")

    looping.get_by_role("button", name="Edit").click()
    code.locator("pre > code").fill('print("many lines")')
    looping.get_by_role("button", name="Run").click()
    shown = output(looping)
    expect(shown, "100,000 lines").to_contain_text("… 99500 more lines, not shown here")
    expect(shown, "a line of 5,000 characters").to_contain_text("… (4000 more characters)")
    expect(shown, "a traceback of 602 lines").to_contain_text("… 102 more lines, not shown here")
    expect(shown, "a traceback's last line").to_contain_text("ZeroDivisionError: division by zero")
    assert shown.inner_text().count("\n") == 1002, "500 lines of each stream, and 2 counts"

    start_a_loop()
    looping.get_by_role("button", name="Stop").click()
    expect(output(looping), "Stop on a running loop").to_have_text("Stopped.")
    expect(looping.get_by_role("button", name="Run"), "focus after Stop").to_be_focused()
    looping.get_by_role("button", name="Reset").click()
    looping.get_by_role("button", name="Run").click()
    expect(output(looping), "the first run of a new worker after Stop").to_have_text(
        "run 1 of this worker"
    )

    # From "Running…" on: on a booted worker, not from its reply that it started (it may come
    # later); on a new one (the limit ended the last), from that reply.
    start_a_loop("# no reply\nwhile True:\n    pass")
    looping.get_by_role("button", name="Stop").focus()
    page.clock.fast_forward("00:11")
    expect(output(looping), "the time limit").to_have_text(
        "Stopped after 10 s: the example did not finish."
    )
    expect(output(looping), "focus when Stop hides by itself").to_be_focused()
    start_a_loop()
    page.clock.fast_forward("00:11")
    expect(output(looping), "the time limit on a new worker").to_have_text(
        "Stopped after 10 s: the example did not finish."
    )

    start_a_loop()
    page.locator("a.md-footer__link--next").dispatch_event("click")
    page.wait_for_function(ARRIVED, arg=[site_url + order[n + 1][0], order[n + 1][1]])
    worker["mode"] = "mute"
    first = bars.first.get_by_role("button", name="Run")
    first.click()
    expect(output(bars.first), "Run after leaving a page mid-run").to_have_text(
        "Starting Python…",
        timeout=2_000,  # a new worker at once, not after the 10 s limit
    )
    page.clock.fast_forward("02:01")
    expect(output(bars.first), "a Python that never starts").to_have_text(
        "Python did not start within 120 s. Run again to retry."
    )
    worker["status"] = 404
    first.click()
    expect(output(bars.first), "a worker that fails to load").to_have_text(
        "The runtime failed to load. Run again to retry."
    )
    worker.update(status=200, mode="broken")
    first.click()
    expect(output(bars.first), "a Python that fails to start").to_have_text(
        "TypeError: Failed to fetch Run again to retry."
    )
    worker["mode"] = "ok"
    first.click()
    expect(output(bars.first), "Run after a failed start").to_have_text("run 1 of this worker")
