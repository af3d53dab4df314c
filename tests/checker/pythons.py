"""The Pythons a test run checks examples on, and the `python="..."` tags that pick among them.

Every run checks on the interpreter this environment was made from, plus each one listed in
`EXAMPLE_PYTHONS` (paths joined with os.pathsep; `scripts/provide_pythons.py` prints that value
for every supported version). Without that variable, the run takes the Pythons the script last
provided on this machine, if it ever ran (as .ci/run runs it). Test ids start with the version,
as `3.13.0:docs/pitfalls.md:52`. The tags' grammar is scripts/page_syntax.py's `version_range`.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest
from cache_folder import CACHE
from filelock import FileLock
from page_syntax import Version, covers, version_range
from provide_pythons import PROVIDED

from checker.project import ROOT

VARIABLE = "EXAMPLE_PYTHONS"
VENVS = CACHE / "venvs"


@dataclass(frozen=True)
class Python:
    path: str  # what examples run with: a bare virtual environment of the interpreter
    version: Version

    @property
    def name(self) -> str:
        return ".".join(map(str, self.version))


def listed() -> list[str]:
    """EXAMPLE_PYTHONS; without it, those scripts/provide_pythons.py last provided that are
    still there (none if it never ran here)."""
    if VARIABLE in os.environ:
        return [p for p in os.environ[VARIABLE].split(os.pathsep) if p]
    line = PROVIDED.read_text(encoding="utf-8") if PROVIDED.is_file() else ""
    return [p for p in line.strip().split(os.pathsep) if p and Path(p).is_file()]


@functools.cache
def pythons() -> list[Python]:
    """This environment's interpreter, then those listed(), one per version, oldest first, each
    as a bare virtual environment made from it (bare_venv)."""
    paths = [getattr(sys, "_base_executable", sys.executable), *listed()]
    found: dict[Version, Python] = {}
    for path in paths:
        done = subprocess.run(
            [path, "-c", "import sys; print(*sys.version_info[:3])"],
            capture_output=True,
            text=True,
            check=False,
            env={k: v for k, v in os.environ.items() if not k.startswith("PYTHON")},
        )
        if done.returncode:
            raise RuntimeError(
                f"{path} (from {VARIABLE} or {PROVIDED}) does not run:\n{done.stderr}"
            )
        version = tuple(int(part) for part in done.stdout.split())
        if version not in found:
            found[version] = Python(bare_venv(path, version), version)
    return sorted(found.values(), key=lambda python: python.version)


def bare_venv(base: str, version: Version) -> str:
    """The python of an empty virtual environment made from `base` (cached outside the checkout,
    shared by parallel workers): an example runs as in a reader's fresh venv, with nothing
    installed, not even this project (so its editable install can't make a broken example
    pass), and without the start-up cost of whatever the base interpreter's own site-packages
    loads (a .pth file can add tens of milliseconds to every run)."""
    key = hashlib.sha256(os.path.realpath(base).encode()).hexdigest()[:12]
    folder = VENVS / f"{'.'.join(map(str, version))}-{key}"
    python = folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    VENVS.mkdir(parents=True, exist_ok=True)
    with FileLock(f"{folder}.lock"):
        if not python.exists():  # made aside and moved in whole: never half a venv in the cache
            making = Path(f"{folder}.making")
            shutil.rmtree(making, ignore_errors=True)
            done = subprocess.run(
                [base, "-m", "venv", "--without-pip", str(making)],
                check=False,
                capture_output=True,
                text=True,
            )
            if done.returncode:
                raise RuntimeError(f"{base} -m venv failed:\n{done.stderr}")
            # A venv's activate scripts name its folder; only bin/python is used here.
            shutil.rmtree(folder, ignore_errors=True)
            making.rename(folder)
    return str(python)


def for_tag(tag: str | None) -> list[Python]:
    """The Pythons of this run a block tagged `python="<tag>"` is for (none for a broken tag)."""
    try:
        if tag is not None:
            version_range(tag)
    except ValueError:
        return []
    return [python for python in pythons() if tag is None or covers(tag, python.version)]


def per_python(blocks, tag, name):
    """pytest params (block, Python): one for each Python of the run that `tag(block)` is for,
    or, for a block no Python of the run is for (or whose tag is no version), one with None."""
    for block in blocks:
        matching = for_tag(tag(block))
        if not matching:
            yield pytest.param(block, None, id=f"python={tag(block)}:{name(block)}")
        for python in matching:
            yield pytest.param(block, python, id=f"{python.name}:{name(block)}")


@functools.cache  # asked once a page and once a block without a Python
def requires_python() -> tuple[str, Version]:
    """pyproject.toml's `requires-python` (">=3.11"), and the oldest version it allows."""
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    return requires, version_range(requires.removeprefix(">="))[0]


def no_python_for(tag: str, where: str) -> NoReturn:
    """Fail or skip a block tagged `python="<tag>"` that no Python of this run is for.

    A run given its Pythons (EXAMPLE_PYTHONS, as .ci/run gives every supported one) fails it:
    nothing goes unchecked there. Otherwise it is skipped, and the run counts the skips."""
    try:
        newest = version_range(tag)[1]  # a tag that is no version fails as such, run or no run
    except ValueError as error:
        pytest.fail(f"{where}: {error}", pytrace=False)
    requires, oldest = requires_python()
    if newest < oldest:  # no run can have it: say so (test_version_tags says it per page too)
        pytest.fail(
            f'{where}: python="{tag}": no supported Python runs it (requires-python is '
            f'"{requires}")',
            pytrace=False,
        )
    have = ", ".join(python.name for python in pythons())
    reason = (
        f'{where}: python="{tag}": no interpreter of this run is that version (this run has '
        f"{have}); run `python3 scripts/provide_pythons.py` once: it provides every supported "
        f"version, and later runs use them (or list interpreters in {VARIABLE})"
    )
    if VARIABLE in os.environ:
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)
