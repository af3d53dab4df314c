"""The checks can fail: each fault below, applied to a copy of the project, must make the
suite fail with a message that names the faulty file (and a line in it, where there is one).

The faults are applied all at once, in two runs: one for the faults that stop the strict build,
one for the rest, whose checks need a built site."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from checker.examples import collect
from checker.project import ROOT, copy_project
from checker.pythons import VARIABLE, pythons
from mkdocs_commands import QUIET

# The checks the faults are run against (the fault suite itself is not re-entered).
BUILD_CHECKS = ["tests/test_build.py"]
SITE_CHECKS = [
    # Static: the build passes with these faults.
    "tests/test_build.py::test_every_fence_closes",
    "tests/test_build.py::test_templates_use_no_theme_internals",
    "tests/test_build.py::test_every_page_is_in_the_menu",
    "tests/test_build.py::test_no_prompt_outside_a_run_block",
    "tests/test_examples.py",
    "tests/test_sessions.py",
    "tests/test_transcripts.py",
    "tests/test_rendered.py",
    "tests/test_links.py",
    "tests/test_download.py",
]


def at(file: str, says: str, line: int | None = None) -> str:
    """A failure message at `file:LINE` (at that `line`, if given) that says `says` (on its
    first or indented lines).

    `says` is text only this fault's failure produces, so a check that stopped working can't
    pass for caught on the strength of another fault's message about the same file."""
    number = line or r"\d+"
    return rf"(^|\s){re.escape(file)}:{number}:[^\n]*(\n[ \t][^\n]*)*?{re.escape(says)}"


def faulted(text: str, old: str, new: str) -> str:
    """`text` with a fault applied: `old` replaced by `new`, or `new` appended if `old` is ""."""
    return text.replace(old, new, 1) if old else text + new


@dataclass
class Fault:
    what: str
    file: str
    old: str  # "" appends `new` to the file
    new: str
    reported: str | tuple[str, ...]  # regexes the report must match, usually at(file, says)
    breaks_build: bool = False
    creates: tuple[str, str] = ()  # (file, text): a new file the fault needs

    def __post_init__(self):
        if isinstance(self.reported, str):
            self.reported = (self.reported,)


def fault_at_line(
    what: str, file: str, old: str, new: str, says: str, where: str, breaks_build: bool = False
) -> Fault:
    """A fault whose report must say `says` at the line of `file` that `where` is on, once the
    fault is applied (faulted)."""
    whole = faulted((ROOT / file).read_text(encoding="utf-8"), old, new)
    line = whole[: whole.index(where)].count("\n") + 1
    return Fault(what, file, old, new, at(file, says, line), breaks_build)


def page_block(code: str, around: str = "") -> str:
    """A ```python block to append to a page, maybe in an admonition (`!!! note`) or a tab."""
    block = f"```python\n{code}\n```\n"
    if not around:
        return "\n" + block
    return f"\n{around}\n\n" + "".join(f"    {line}\n" for line in block.splitlines())


BROKEN_LINK = "\n[a link](no-such-page.md)\n"
BROKEN_ANCHOR = "\n[an anchor](#no-such-anchor)\n"
UNUSED_IMPORT = page_block('import fractions\n\nprint("lint fault")  # Output: lint fault')
# Outside its blocks, which an extending template doesn't render: the build stays as it is.
THEME_INTERNAL = '\n<script>__md_get("__palette")</script>\n'
NAV_ENTRY = "  - Home: index.md\n"
MISSING_NAV_ENTRY = NAV_ENTRY + "  - Missing: no-such-nav-page.md\n"
IMPORTS_CALCULATIONS = re.compile(r"^\s*(import|from) calculations\b", re.MULTILINE)

FAULTS = [
    Fault(
        "a changed function body",
        "math_operations.py",
        "return a + b",
        "return a - b",
        at("math_operations.py", "+-1"),  # its docstring's add(3, 4) now prints -1
    ),
    Fault(
        "a changed function body in the package",
        "calculations/math_operations.py",
        "return a + b",
        "return a - b",
        at("calculations/math_operations.py", "+-1"),
    ),
    Fault(
        "a wrong inline # Output: on a page",
        "docs/standard-library.md",
        "# Output: 4.0",
        "# Output: 4.25",
        at("docs/standard-library.md", "-4.25"),
    ),
    Fault(
        "a wrong # Output: in a snippet",
        "snippets/modules_from_import.py",
        "# Output: -1",
        "# Output: -100",
        at("snippets/modules_from_import.py", "--100"),
    ),
    Fault(
        "a new block with a wrong output",
        "docs/why.md",
        "",
        page_block('print("new block fault")  # Output: wrong'),
        at("docs/why.md", "+new block fault"),
    ),
    Fault(
        "a new block in an admonition with a wrong output",
        "docs/why.md",
        "",
        page_block('print("admonition fault")  # Output: wrong', "!!! note"),
        at("docs/why.md", "+admonition fault"),
    ),
    Fault(
        "a new block in content tabs with a wrong output",
        "docs/why.md",
        "",
        page_block('print("tabs fault")  # Output: wrong', '=== "Tab"'),
        at("docs/why.md", "+tabs fault"),
    ),
    Fault(
        "a block that raises unexpectedly",
        "docs/modules.md",
        "",
        page_block('raise ValueError("raise fault")'),
        at("docs/modules.md", "raise fault"),
    ),
    fault_at_line(
        "an unused import in a block (ruff)",
        "docs/search-path.md",
        "",
        UNUSED_IMPORT,
        "F401 [*] `fractions` imported but unused",
        "import fractions",
    ),
    Fault(
        "a print with no # Output:",
        "docs/modules.md",
        "",
        page_block('print("unclaimed fault")'),
        at("docs/modules.md", "unclaimed fault"),
    ),
    Fault(
        "an example that never ends",
        "docs/modules.md",
        "",
        page_block("import time\n\ntime.sleep(3600)"),  # waits: spinning would cost CPU
        at("docs/modules.md", "did not finish"),
    ),
    Fault(
        "an import-time print in the package fails every example importing it",
        "calculations/__init__.py",
        "",
        'print("loading")\n',
        tuple(
            at(example.code.path.relative_to(ROOT).as_posix(), "\n    loading")
            for example in collect()
            if IMPORTS_CALCULATIONS.search(example.code.source)
        ),
    ),
    Fault(
        "a Python block no check runs",
        "docs/standard-library.md",
        "",
        '\n~~~python\n--8<-- "unchecked_fault.py"\n~~~\n',
        at("docs/standard-library.md", "no check runs this block"),
        creates=("unchecked_fault.py", 'print("unchecked fault")\n'),
    ),
    Fault(
        "an opt-out without a reason",
        "docs/standard-library.md",
        "",
        '\n```python\n--8<-- "unchecked/no_reason.py"\n```\n',
        at("unchecked/no_reason.py", "an opted-out example must start with"),
        creates=("unchecked/no_reason.py", 'print("opt-out")\n'),
    ),
    # The page block that includes unchecked/no_reason.py (the fault above) shows it.
    Fault(
        "a build step that gives an opted-out block a Run button",
        "scripts/gen_runtime.py",
        'return "opted-out"',
        "return None",
        at("docs/standard-library.md", "shows unchecked/no_reason.py with a Run button"),
    ),
    fault_at_line(
        "a warning an example writes to stderr",
        "docs/scripts.md",
        "",
        page_block('import warnings\n\nwarnings.warn("stderr fault", stacklevel=1)'),
        "exited with status 0 and wrote to stderr",
        'warnings.warn("stderr fault"',
    ),
    fault_at_line(
        "a command shown in a ```text block, which nothing runs",
        "docs/namespace-packages.md",
        "",
        '\n```text\n$ python -c "print(1 + 1)"\n3\n```\n',
        "block shows '$ python -c \"print(1 + 1)\"', which nothing runs",
        "$ python -c",
    ),
    Fault(
        "a stale copy of a file under its name",
        "docs/packages.md",
        '--8<-- "calculations/__init__.py"',
        "from .math_operations import add",
        at("docs/packages.md", "is titled 'calculations/__init__.py'"),
    ),
    Fault(
        "a broken anchor on a generated page (only lychee sees it)",
        "calculations/trigonometry.py",
        '"""Trigonometry in degrees,',
        '"""See [the sine](#no-such-anchor). Trigonometry in degrees,',
        r"reference/calculations\.trigonometry/index\.html: \S+#\S*no-such-anchor",
    ),
    Fault(
        "a wrong output in a shell session",
        "docs/subpackages.md",
        "a 1-inch square covers 6.45 cm²",
        "a 1-inch square covers 6.5 cm²",
        at("docs/subpackages.md", "+a 1-inch square covers 6.45 cm²"),
    ),
    Fault(
        "an install command not in a block titled Not run",
        "docs/installing.md",
        '{.console title="Not run: creates a folder, changes your shell, needs the internet"}',
        "console",
        at("docs/installing.md", "put it in a block of its own titled with the reason"),
    ),
    Fault(
        "claims that split what a reader sees as one line",
        "docs/modules.md",
        "",
        page_block('print("open fault", end="")  # Output: open fault\nprint("!")  # Output: !'),
        at("docs/modules.md", "left open"),
    ),
    Fault(
        "a misspelt # Output: comment",
        "docs/modules.md",
        "",
        page_block('print("misspelt fault")  # Outptu: misspelt fault'),
        at("docs/modules.md", "write `# Output:` or `# Raises:` exactly, not '# Outptu:"),
    ),
    Fault(
        "a second # Raises: that is never reached",
        "docs/modules.md",
        "",
        page_block('int("x")  # Raises: ValueError: x\nint("y")  # Raises: ValueError: y'),
        at("docs/modules.md", "a second # Raises: is never reached"),
    ),
    Fault(
        "a Python block under another Python lexer's name",
        "docs/standard-library.md",
        "",
        '\n```numpy\nprint("numpy fault")  # Output: wrong\n```\n',
        at("docs/standard-library.md", "numpy fault"),
    ),
    Fault(
        "a shell session written as ```bash",
        "docs/packages.md",
        "",
        '\n```bash\n$ python -c "print(6 * 7)"\n41\n```\n',
        at("docs/packages.md", "shell block not run"),
    ),
    Fault(
        "a block for a Python no supported version runs",
        "docs/subpackages.md",
        "",
        '\n```{.python python="3.10"}\nprint("old")  # Output: old\n```\n',
        at("docs/subpackages.md", 'python="3.10": no supported Python runs it'),
    ),
    Fault(
        "a REPL transcript that echoes a wrong value",
        "docs/modules.md",
        "",
        "\n```pycon\n>>> import math_operations\n>>> math_operations.add(20, 1)\n22\n```\n",
        at("docs/modules.md", "- 22"),
    ),
    Fault(
        "a wrong output of a console script",
        "docs/pyproject.md",
        "$ greet Ada\nHello, Ada!",
        "$ greet Ada\nHi, Ada!",
        at("docs/pyproject.md", "+Hello, Ada!"),
    ),
    Fault(
        "a version tag no Python of the run is",
        "docs/subpackages.md",
        "",
        '\n```{.python python="3.99"}\nprint("future")  # Output: future\n```\n',
        at("docs/subpackages.md", 'python="3.99": no interpreter of this run is that version'),
    ),
    Fault(
        "a version tag that is not a version",
        "docs/subpackages.md",
        "",
        '\n```{.console python="3.13.x"}\n$ python -c "print(1)"\n1\n```\n',
        at("docs/subpackages.md", 'python="3.13.x": write a version as'),
    ),
    Fault(
        "a file in a snippet folder that nothing runs",
        "snippets/geometry_package/geometry/shapes/circle.py",
        "",
        "",
        r"snippets/geometry_package/geometry/shapes/never_run\.py: no session runs or imports it",
        creates=("snippets/geometry_package/geometry/shapes/never_run.py", "AREA = 1 / 0\n"),
    ),
    Fault(
        "a fence left open above a session, which it swallows",
        "docs/packages.md",
        '--8<-- "snippets/packages_star_no_all/main.py"\n```\n',
        '--8<-- "snippets/packages_star_no_all/main.py"\n',
        at("docs/packages.md", "swallows it: close it before that line"),
    ),
    Fault(
        "a snippet no page shows",
        "snippets/never_shown_fault.py",
        "",
        "",
        at("snippets/never_shown_fault.py", "no page includes it"),
        creates=(
            "snippets/never_shown_fault.py",
            'print("shown nowhere")  # Output: shown nowhere\n',
        ),
    ),
    Fault(
        "a build step that gives the teaching code Run buttons",
        "scripts/gen_runtime.py",
        'return "source"',
        "return None",
        at("docs/packages.md", "shows 'calculations/trigonometry.py (sin_degrees)' with a Run"),
    ),
    fault_at_line(
        "a template that uses Material's private script API",
        "overrides/main.html",
        "",
        THEME_INTERNAL,
        "uses Material's private script API (__md_get)",
        "__md_get",
    ),
    Fault(
        "a page built but in no menu",
        "mkdocs.yml",
        "",
        "\nnot_in_nav: |\n  orphan_fault.md\n",
        at("docs/orphan_fault.md", "built, but no menu links to it", 1),
        creates=("docs/orphan_fault.md", "# Orphan fault\n"),
    ),
    fault_at_line(
        "a misspelt reason for no Run button",
        "docs/pitfalls.md",
        'data-norun="how-python-starts"',
        'data-norun="how-python-start"',
        'data-norun="how-python-start" is no known reason',
        'data-norun="how-python-start"',
    ),
    # Faults that stop the strict build.
    Fault(
        "a missing snippet file",
        "docs/packages.md",
        '--8<-- "snippets/packages_reexport.py"',
        '--8<-- "snippets/no_such_file.py"',
        at("docs/packages.md", "no_such_file.py"),
        breaks_build=True,
    ),
    Fault(
        "a missing snippet section",
        "docs/packages.md",
        '--8<-- "calculations/trigonometry.py:sin_degrees"',
        '--8<-- "calculations/trigonometry.py:no_such_section"',
        at("docs/packages.md", "no_such_section"),
        breaks_build=True,
    ),
    Fault(
        "a tree of a directory that does not exist",
        "docs/packages.md",
        "<!-- tree: calculations -->",
        "<!-- tree: no_such_dir -->",
        at("docs/packages.md", "no_such_dir"),
        breaks_build=True,
    ),
    Fault(
        "a page left out of the menu",
        "docs/left_out_fault.md",
        "",
        "",
        at("docs/left_out_fault.md", "not in the menu: add it to `nav` in mkdocs.yml", 1),
        breaks_build=True,
        creates=("docs/left_out_fault.md", "# Left out\n"),
    ),
    # MkDocs names the page of a broken link; the line is test_build.located()'s.
    fault_at_line(
        "a broken page link",
        "docs/why.md",
        "",
        BROKEN_LINK,
        "Doc file 'why.md' contains a link 'no-such-page.md'",
        "no-such-page.md",
        breaks_build=True,
    ),
    fault_at_line(
        "a broken anchor",
        "docs/modules.md",
        "",
        BROKEN_ANCHOR,
        "Doc file 'modules.md' contains a link '#no-such-anchor'",
        "#no-such-anchor",
        breaks_build=True,
    ),
    fault_at_line(
        "a menu entry for a page that does not exist",
        "mkdocs.yml",
        NAV_ENTRY,
        MISSING_NAV_ENTRY,
        "A reference to 'no-such-nav-page.md' is included in the 'nav'",
        "no-such-nav-page.md",
        breaks_build=True,
    ),
]


def run_with_faults(copy: Path, faults: list[Fault], checks: list[str]) -> str:
    for fault in faults:
        if fault.creates:
            created, text = fault.creates
            (copy / created).parent.mkdir(parents=True, exist_ok=True)
            (copy / created).write_text(text, encoding="utf-8")
        path = copy / fault.file
        text = path.read_text(encoding="utf-8")
        assert fault.old in text, f"{fault.file}: the fault {fault.what!r} no longer applies"
        path.write_text(faulted(text, fault.old, fault.new), encoding="utf-8")
    # One worker and this environment's Python alone (the outer run already uses both cores),
    # given as the run's Pythons: a tagged block none of them is for fails, as in CI. Examples
    # get 2 s, not 10 (over ten times the slowest one): no other fault's report depends on it.
    env = os.environ | QUIET | {VARIABLE: pythons()[0].path, "EXAMPLE_TIMEOUT_SECONDS": "2"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--numprocesses=0",
            *checks,
        ],
        cwd=copy,
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert done.returncode != 0, "the checks passed with every fault applied:\n" + done.stdout
    return done.stdout + done.stderr


@pytest.mark.parametrize("breaks_build", [False, True], ids=["site checks", "build"])
def test_every_fault_is_caught(
    breaks_build: bool, tmp_path: Path, record_property, built_site: Path
):
    """The faults of one kind, all at once in one copy (the two kinds run in parallel), in a
    project that builds as it is (`built_site`): otherwise its own failure would hide theirs."""
    faults = [f for f in FAULTS if f.breaks_build == breaks_build]
    report = run_with_faults(
        copy_project(tmp_path / "project"), faults, BUILD_CHECKS if breaks_build else SITE_CHECKS
    )
    missed = [f for f in faults if not all(re.search(r, report, re.MULTILINE) for r in f.reported)]
    record_property(
        "summary",
        f"fault suite ({'stops the build' if breaks_build else 'site checks'}): "
        f"{len(faults)} faults, {len(faults) - len(missed)} caught",
    )
    assert not missed, (
        "faults the checks did not report, by file:\n"
        + "\n".join(f"  {f.file}: {f.what}" for f in missed)
        + "\n\nsuite output:\n"
        + report
    )
