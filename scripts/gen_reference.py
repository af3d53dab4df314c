"""The Reference section (mkdocs-gen-files, after mkdocstrings' recipe): one page per public
module of the teaching code, whose "Edit this page" opens the module's source file, and the
menu of them in `reference/SUMMARY.txt` for mkdocs-literate-nav (a .txt file is no page)."""

import tomllib
from pathlib import Path

import mkdocs_gen_files

ROOT = Path(mkdocs_gen_files.config.config_file_path).parent
TEACHING_CODE = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "hatch"
]["build"]["targets"]["wheel"]["only-include"]

sources = sorted(
    path.relative_to(ROOT)
    for name in TEACHING_CODE
    for path in [ROOT / name, *(ROOT / name).rglob("*.py")]
    if path.suffix == ".py" and "__pycache__" not in path.parts
)
menu = []
for source in sources:
    module = ".".join(source.with_suffix("").parts).removesuffix(".__init__")
    if module.rpartition(".")[2].startswith("_"):  # __main__ and private modules
        continue
    with mkdocs_gen_files.open(f"reference/{module}.md", "w") as page:
        page.write(f"::: {module}\n")
    mkdocs_gen_files.set_edit_path(f"reference/{module}.md", Path("..", source))
    # A flat list: a nested menu or a section index page is what axe flagged.
    menu.append(f"* [{module}]({module}.md)\n")

with mkdocs_gen_files.open("reference/SUMMARY.txt", "w") as nav:
    nav.writelines(menu)
