"""`downloads/examples.zip` (mkdocs-gen-files): the teaching code and every snippet side by side
(snippet folders as subfolders), so `python NAME.py` works after unzipping. Fixed timestamps and
sorted entries: the same files give the same bytes."""

import tomllib
import zipfile
from pathlib import Path

import mkdocs_gen_files

ROOT = Path(mkdocs_gen_files.config.config_file_path).parent
TEACHING_CODE = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "hatch"
]["build"]["targets"]["wheel"]["only-include"]


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
        if p.is_file() and not any(junk(part) for part in Path(name).parts)
    }


def junk(part: str) -> bool:
    return part.startswith(".") or part == "__pycache__" or part.endswith(".pyc")


with (
    mkdocs_gen_files.open("downloads/examples.zip", "wb") as out,
    zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
):
    for name, path in reader_layout().items():
        entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        entry.external_attr = 0o644 << 16
        archive.writestr(entry, path.read_bytes(), zipfile.ZIP_DEFLATED)
