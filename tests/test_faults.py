"""The checks can fail: each fault below, applied to a copy of the project, must make the
suite fail with a message that names the faulty file and a line in it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from conftest import QUIET, copy_project

# The checks the faults are run against (the fault suite itself is not re-entered).
CHECKS = ["tests/test_examples.py", "tests/test_build.py"]


@dataclass
class Fault:
    what: str
    file: str
    old: str
    new: str


FAULTS = [
    Fault("a changed function body", "math_operations.py", "return a + b", "return a - b"),
    Fault("a changed function body in the package", "calculations/math_operations.py",
          "return a + b", "return a * b"),
    Fault("a wrong # Output: on a page", "docs/standard-library.md",
          "# Output: 4.0", "# Output: 4"),
    Fault("a wrong # Output: in a snippet", "snippets/modules_from_import.py",
          "# Output: -1", "# Output: 1"),
]


def test_every_fault_is_caught(tmp_path: Path, summary: list[str]):
    copy = copy_project(tmp_path / "project")
    for fault in FAULTS:
        path = copy / fault.file
        text = path.read_text(encoding="utf-8")
        assert fault.old in text, f"{fault.file}: the fault {fault.what!r} no longer applies"
        path.write_text(text.replace(fault.old, fault.new, 1), encoding="utf-8")

    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *CHECKS],
        cwd=copy, capture_output=True, text=True, timeout=600, env=os.environ | QUIET,
    )
    report = done.stdout + done.stderr
    missed = [f for f in FAULTS
              if not re.search(rf"(?m)(^|\s){re.escape(f.file)}:\d+", report)]
    summary.append(f"fault suite: {len(FAULTS)} faults, {len(FAULTS) - len(missed)} caught")
    assert done.returncode != 0, "the suite passed with every fault applied:\n" + report
    assert not missed, "faults the checks did not report, by file and line:\n" + "\n".join(
        f"  {f.file}: {f.what}" for f in missed) + "\n\nsuite output:\n" + report

