"""Directory trees drawn at build time (mkdocs-gen-files): a line `<!-- tree: PATH -->` on a page
becomes a drawing of the directory PATH (relative to the repository root) as it is on disk now.
An unknown PATH is a `docs/PAGE.md:LINE` warning, which fails a strict build."""

import logging
import re
from pathlib import Path

import mkdocs_gen_files

ROOT = Path(mkdocs_gen_files.config.config_file_path).parent
TREE = re.compile(r"^<!-- tree: (?P<path>\S+) -->$", re.MULTILINE)

log = logging.getLogger("mkdocs.plugins.gen_trees")


def shown(path: Path) -> bool:
    return not (path.name.startswith(".") or path.name == "__pycache__" or path.suffix == ".pyc")


def tree_lines(folder: Path, prefix: str = "") -> list[str]:
    children = sorted(p for p in folder.iterdir() if shown(p))
    lines = []
    for number, child in enumerate(children, start=1):
        last = number == len(children)
        lines.append(f"{prefix}{'└── ' if last else '├── '}{child.name}{'/' * child.is_dir()}")
        if child.is_dir():
            lines += tree_lines(child, prefix + ("    " if last else "│   "))
    return lines


def draw_trees(page: str, text: str) -> str:
    def draw(match: re.Match) -> str:
        folder = ROOT / match["path"]
        if not folder.is_dir() or not shown(folder):
            line = text.count("\n", 0, match.start()) + 1
            log.warning(
                "docs/%s:%d: tree: no directory %r in the repository", page, line, match["path"]
            )
            return f"```text\nmissing directory: {match['path']}\n```"
        drawing = [f"{folder.name}/", *tree_lines(folder)]
        return "```text\n" + "\n".join(drawing) + "\n```"

    return TREE.sub(draw, text)


for file in list(mkdocs_gen_files.files):
    if not file.is_documentation_page():
        continue
    text = file.content_string
    drawn = draw_trees(file.src_uri, text)
    if drawn != text:
        with mkdocs_gen_files.open(file.src_uri, "w") as page:
            page.write(drawn)
        mkdocs_gen_files.set_edit_path(file.src_uri, file.src_uri)  # still the real page
