"""The site builds with `mkdocs build --strict`: no broken link, anchor, nav entry or include."""

from pathlib import Path


def test_strict_build(built_site: Path):
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    assert "index.html" in pages
    assert "modules/index.html" in pages
