"""MkDocs hook: keep the theme's compiled templates from one build to the next.

MkDocs compiles Material's templates afresh on every build and on every reload of `mkdocs
serve`: about 0.2 s, an eighth of this site's build (scripts/benchmark.py). Jinja's own
bytecode cache keeps them in the cache folder (cache_folder.py), checked against each
template's source and the Jinja and Python versions, so an edited or upgraded template is
compiled again. Speed only: the pages are the same without it (as under Zensical, which runs
no hooks).
"""

import sys
from pathlib import Path

from jinja2 import FileSystemBytecodeCache

if str(Path(__file__).parent) not in sys.path:  # MkDocs loads a hook by its path
    sys.path.insert(0, str(Path(__file__).parent))
from cache_folder import CACHE


class ByName(FileSystemBytecodeCache):
    """One entry a template name, not a name and path: every checkout and its virtual
    environment (a fresh clone in CI) shares them instead of adding its own."""

    def get_cache_key(self, name, filename=None):
        return super().get_cache_key(name)


def on_env(env, config, files):
    (CACHE / "templates").mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = ByName(str(CACHE / "templates"))
    return env
