"""Shell sessions on pages: ```` ```{.console} ```` blocks, run command by command.

A session is a `console` code block. Each `$ ` line is a command; the lines under it, up to the
next `$ ` line, are what it shows in a terminal (stdout, then stderr). Commands start with
`python` (optionally after `NAME=value` settings such as `PYTHONPATH=shared`) and run one after
the other in one fresh folder: a copy of the folder named by `cwd="snippets/NAME"` on the fence,
or, without it, the folder every example runs in (the teaching code). Installing is the one thing
not run (it needs the internet): `python -m pip ...`, `python -m venv ...` and other commands
must end with `# unchecked: reason` and show no output. Any other command fails.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

# A fenced block: ``` or ~~~, three or more; it closes with a fence of the same character at
# least as long.
FENCE = re.compile(
    r"^(?P<indent> *)(?P<fence>(?P<char>[`~])(?P=char){2,})(?P<info>[^\n]*)\n(?P<body>.*?)"
    r"^(?P=indent)(?P=fence)(?P=char)*[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
SETTING = re.compile(r'([\w-]+)="([^"]*)"')
PROMPT = "$ "
UNCHECKED = re.compile(r"\s+# unchecked: \S.*$")
NOT_RUN = (["-m", "pip"], ["-m", "venv"])  # installing needs the internet


@dataclass
class Command:
    line: int  # the page line of the `$ ` prompt
    text: str
    shown: list[str] = field(default_factory=list)

    @property
    def unchecked(self) -> bool:
        return bool(UNCHECKED.search(self.text))

    def split(self) -> tuple[dict[str, str], list[str]]:
        """The `NAME=value` settings in front, and the command's words."""
        words = shlex.split(UNCHECKED.sub("", self.text))
        settings = {}
        while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):
            name, value = words.pop(0).split("=", 1)
            settings[name] = value
        return settings, words

    def problem(self) -> str | None:
        """Why this command can't be run or skipped as written, if it can't."""
        _, words = self.split()
        runnable = words[:1] == ["python"] and words[1:3] not in NOT_RUN
        if runnable and self.unchecked:
            return "python commands are always run: remove `# unchecked:`"
        if not runnable and not self.unchecked:
            return (
                f"`{self.text}` is not run by the checks (they run `python` commands, "
                "not installs): end it with `# unchecked: reason` so readers know"
            )
        if self.unchecked and self.shown:
            return "a command marked `# unchecked:` can't show output: nothing checks it"
        return None


@dataclass(eq=False)  # hashable: each session is run once (tests/test_sessions.py)
class Session:
    page: Path
    line: int  # the page line of the opening fence
    settings: dict[str, str]
    commands: list[Command]
    text: str = ""  # the block as a reader sees it
    problem: str | None = None


def language(info: str) -> str:
    """The language of a fence's info string: `python`, `{.python title="x"}` -> "python"."""
    words = info.strip().lstrip("{").strip().lstrip(".").split()
    return words[0].rstrip("}") if words else ""


def fences(page: Path) -> list[tuple[int, str, re.Match]]:
    """Every fenced block of a page, in order: (line of the opening fence, info string, match)."""
    text = page.read_text(encoding="utf-8")
    return [
        (text.count("\n", 0, fence.start()) + 1, fence["info"], fence)
        for fence in FENCE.finditer(text)
    ]


def find_sessions(page: Path) -> list[Session]:
    sessions = []
    for line, info, fence in fences(page):
        if language(info) != "console":
            continue
        rows = [row[len(fence["indent"]) :] for row in fence["body"].splitlines()]
        session = Session(page, line, dict(SETTING.findall(info)), [], "\n".join(rows))
        for number, row in enumerate(rows, start=line + 1):
            if row.startswith(PROMPT):
                session.commands.append(Command(number, row[len(PROMPT) :]))
            elif session.commands:
                session.commands[-1].shown.append(row)
            elif row.strip():
                session.problem = f"output before the first `{PROMPT}` command"
        if not session.commands:
            session.problem = f"no `{PROMPT}` command: use ```text for other terminal text"
        sessions.append(session)
    return sessions


def compare(shown: list[str], stdout: str, stderr: str) -> bool:
    """Whether the shown lines are what a terminal shows: stdout, then stderr."""

    def lines(rows: list[str]) -> list[str]:
        rows = [row.rstrip() for row in rows]
        while rows and not rows[-1]:
            rows.pop()
        return rows

    return lines(shown) == lines((stdout + stderr).splitlines())
