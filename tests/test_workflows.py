"""The GitHub configuration in `.github/` is hardened and valid, checked offline.

zizmor audits the workflows and `dependabot.yml` for supply-chain weaknesses (unpinned actions,
persisted credentials, broad permissions, template injection, ...) and must find nothing.
check-jsonschema validates them against GitHub's schemas, vendored in the package.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sysconfig
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT

SCRIPTS = Path(sysconfig.get_path("scripts"))  # the tools installed beside this Python


def tool(name: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([SCRIPTS / name, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)


def zizmor(root: Path) -> subprocess.CompletedProcess:
    return tool("zizmor", "--offline", "--quiet", "--color", "never", ".github", cwd=root)


def workflow_schema(root: Path) -> subprocess.CompletedProcess:
    workflows = sorted(p.relative_to(root).as_posix()
                       for p in (root / ".github/workflows").glob("*.y*ml"))
    return tool("check-jsonschema", "--builtin-schema", "vendor.github-workflows", *workflows,
                cwd=root)


def dependabot_schema(root: Path) -> subprocess.CompletedProcess:
    return tool("check-jsonschema", "--builtin-schema", "vendor.dependabot",
                ".github/dependabot.yml", cwd=root)


def report(done: subprocess.CompletedProcess) -> str:
    return (done.stdout + done.stderr).strip()


@pytest.mark.parametrize("check", [zizmor, workflow_schema, dependabot_schema])
def test_github_config_passes(check):
    done = check(ROOT)
    if done.returncode:
        pytest.fail(f"{check.__name__} failed:\n{report(done)}", pytrace=False)


@dataclass
class Fault:
    what: str
    file: str
    old: str  # a regular expression; its first match is replaced
    new: str
    check: object


FAULTS = [
    Fault("an action pinned by tag, not by commit", ".github/workflows/ci.yml",
          r"actions/checkout@[0-9a-f]{40}", "actions/checkout@v5", zizmor),
    Fault("a workflow with a misspelt key", ".github/workflows/deploy.yml",
          "runs-on:", "run-on:", workflow_schema),
    Fault("dependabot with an unknown ecosystem", ".github/dependabot.yml",
          "package-ecosystem: uv", "package-ecosystem: pipx", dependabot_schema),
]


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.what)
def test_fault_is_reported_by_file(fault: Fault, tmp_path: Path):
    shutil.copytree(ROOT / ".github", tmp_path / ".github")
    path = tmp_path / fault.file
    text, applied = re.subn(fault.old, fault.new, path.read_text(encoding="utf-8"), count=1)
    assert applied, f"{fault.file}: the fault {fault.what!r} no longer applies"
    path.write_text(text, encoding="utf-8")

    done = fault.check(tmp_path)
    assert done.returncode != 0, f"{fault.check.__name__} missed {fault.what}:\n{report(done)}"
    assert fault.file in report(done), f"the report does not name {fault.file}:\n{report(done)}"
