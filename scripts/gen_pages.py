"""Build-time pages (mkdocs-gen-files): directory trees, the Reference section, the examples zip.

- A line `<!-- tree: PATH -->` on a page becomes a drawing of the directory PATH (relative to
  the repository root) as it is on disk now; an unknown PATH is a `page:line` warning.
- `reference/`: one mkdocstrings page per module of the teaching code; "Edit this page" on it
  opens the module's source file.
- `downloads/examples.zip`: the teaching code and every snippet side by side (snippet
  folders as subfolders), so `python NAME.py` works after unzipping. Fixed timestamps and sorted
  entries: the same files give the same bytes.
"""

import logging
import re
import zipfile
from pathlib import Path

import mkdocs_gen_files
from mkdocs.structure.files import InclusionLevel

ROOT = Path(mkdocs_gen_files.config.config_file_path).parent
TEACHING_CODE = ["math_operations.py", "calculations"]
TREE = re.compile(r"^<!-- tree: (?P<path>\S+) -->$", re.MULTILINE)

log = logging.getLogger("mkdocs.plugins.gen_pages")


def is_junk(path: Path) -> bool:
    return path.name.startswith(".") or path.name == "__pycache__" or path.suffix == ".pyc"


def tree_lines(folder: Path, prefix: str = "") -> list[str]:
    children = sorted(p for p in folder.iterdir() if not is_junk(p))
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
        if not folder.is_dir() or is_junk(folder):
            line = text.count("\n", 0, match.start()) + 1
            log.warning(
                "docs/%s:%d: tree: no directory %r in the repository", page, line, match["path"]
            )
            return f"```text\nmissing directory: {match['path']}\n```"
        drawing = [f"{folder.name}/", *tree_lines(folder)]
        return "```text\n" + "\n".join(drawing) + "\n```"

    return TREE.sub(draw, text)


def write_trees() -> None:
    for file in list(mkdocs_gen_files.files):
        if not file.is_documentation_page():
            continue
        text = file.content_string
        drawn = draw_trees(file.src_uri, text)
        if drawn != text:
            with mkdocs_gen_files.open(file.src_uri, "w") as page:
                page.write(drawn)
            mkdocs_gen_files.set_edit_path(file.src_uri, file.src_uri)  # still the real page


def teaching_modules() -> dict[str, Path]:
    """Dotted module name -> source file; `__main__` and private modules left out."""
    sources = [
        p.relative_to(ROOT)
        for name in TEACHING_CODE
        for p in [ROOT / name, *(ROOT / name).rglob("*.py")]
        if p.suffix == ".py" and not is_junk(p.parent)
    ]
    modules = {".".join(p.with_suffix("").parts).removesuffix(".__init__"): p for p in sources}
    return {
        name: p
        for name, p in sorted(modules.items())
        if not name.rpartition(".")[2].startswith("_")
    }


def write_reference() -> None:
    """A flat list of module pages: no nested nav or section index page (axe flags both)."""
    summary = []
    for module, source in teaching_modules().items():
        with mkdocs_gen_files.open(f"reference/{module}.md", "w") as out:
            out.write(f"::: {module}\n")
        mkdocs_gen_files.set_edit_path(f"reference/{module}.md", Path("..", source))
        summary.append(f"* [{module}]({module}.md)\n")
    with mkdocs_gen_files.open("reference/SUMMARY.md", "w") as out:
        out.writelines(summary)
    # literate-nav reads it for the menu; it's no page of its own. (`exclude_docs` can't do this:
    # literate-nav marks the file "not in nav" before MkDocs applies the exclusions.)
    nav_file = mkdocs_gen_files.FilesEditor.current().files.get_file_from_path(
        "reference/SUMMARY.md"
    )
    nav_file.inclusion = InclusionLevel.EXCLUDED


def reader_layout() -> dict[str, Path]:
    """Name in the download -> file: the folder a reader runs the examples in."""
    files = {
        p.relative_to(ROOT).as_posix(): p
        for name in TEACHING_CODE
        for p in [ROOT / name, *(ROOT / name).rglob("*")]
    }
    snippets = ROOT / "snippets"
    files |= {p.relative_to(snippets).as_posix(): p for p in snippets.rglob("*")}
    return {
        name: p
        for name, p in sorted(files.items())
        if p.is_file() and not any(is_junk(Path(part)) for part in Path(name).parts)
    }


def write_download() -> None:
    with (
        mkdocs_gen_files.open("downloads/examples.zip", "wb") as out,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for name, path in reader_layout().items():
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes(), zipfile.ZIP_DEFLATED)


write_trees()
write_reference()
write_download()
