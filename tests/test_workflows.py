"""The GitHub configuration in `.github/` is hardened and valid, checked offline.

zizmor audits the workflows and `dependabot.yml` for supply-chain weaknesses (unpinned actions,
persisted credentials, broad permissions, template injection, ...) and must find nothing.
check-jsonschema validates every file against GitHub's schema for it, vendored in the package.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sysconfig
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from checker.project import ROOT

SCRIPTS = Path(sysconfig.get_path("scripts"))  # the tools installed beside this Python

# check-jsonschema's name for each of GitHub's schemas, and the files in .github/ it describes.
SCHEMAS = {
    "vendor.github-workflows": "workflows/*.yml",
    "vendor.dependabot": "dependabot.yml",
    "vendor.github-issue-forms": "ISSUE_TEMPLATE/*.yml",  # all but config.yml
    "vendor.github-issue-config": "ISSUE_TEMPLATE/config.yml",
}


def tool(name: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [SCRIPTS / name, *args], check=False, cwd=cwd, capture_output=True, text=True, timeout=120
    )


def check(name: str, root: Path) -> subprocess.CompletedProcess:
    """Run zizmor, or validate the files a schema describes, on the project at `root`."""
    if name == "zizmor":
        return tool("zizmor", "--offline", "--quiet", "--color", "never", ".github", cwd=root)
    files = sorted(
        path.relative_to(root).as_posix()
        for path in (root / ".github").glob(SCHEMAS[name])
        if name != "vendor.github-issue-forms" or path.name != "config.yml"
    )
    return tool("check-jsonschema", "--builtin-schema", name, *files, cwd=root)


def report(done: subprocess.CompletedProcess) -> str:
    return (done.stdout + done.stderr).strip()


@pytest.mark.parametrize("name", ["zizmor", *SCHEMAS])
def test_github_config_passes(name: str):
    done = check(name, ROOT)
    if done.returncode:
        pytest.fail(f"{name} failed:\n{report(done)}", pytrace=False)


@dataclass
class Fault:
    what: str
    file: str
    old: str  # a regular expression; its first match is replaced
    new: str
    check: str


FAULTS = [
    Fault("an action pinned by tag, not by commit", ".github/workflows/ci.yml",
          r"actions/checkout@[0-9a-f]{40}", "actions/checkout@v5", "zizmor"),
    Fault("a workflow with a misspelt key", ".github/workflows/deploy.yml",
          "runs-on:", "run-on:", "vendor.github-workflows"),
    Fault("dependabot with an unknown ecosystem", ".github/dependabot.yml",
          "package-ecosystem: uv", "package-ecosystem: pipx", "vendor.dependabot"),
    Fault("an issue form field without a label", ".github/ISSUE_TEMPLATE/new-topic.yml",
          "label: ", "title: ", "vendor.github-issue-forms"),
]  # fmt: skip


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.what)
def test_fault_is_reported_by_file(fault: Fault, tmp_path: Path):
    shutil.copytree(ROOT / ".github", tmp_path / ".github")
    path = tmp_path / fault.file
    text, applied = re.subn(fault.old, fault.new, path.read_text(encoding="utf-8"), count=1)
    assert applied, f"{fault.file}: the fault {fault.what!r} no longer applies"
    path.write_text(text, encoding="utf-8")

    done = check(fault.check, tmp_path)
    assert done.returncode != 0, f"{fault.check} missed {fault.what}:\n{report(done)}"
    assert fault.file in report(done), f"the report does not name {fault.file}:\n{report(done)}"


def test_ci_runs_every_supported_python():
    """One GitHub leg per Python that pyproject.toml's classifiers name."""
    ci = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    legs = ci["jobs"]["test"]["strategy"]["matrix"]["python"]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    supported = [
        c.rpartition(" :: ")[2]
        for c in project["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    ]
    assert legs == supported, (
        f".github/workflows/ci.yml: the matrix runs {legs}; pyproject.toml's classifiers "
        f"support {supported}"
    )
