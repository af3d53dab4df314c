"""MkDocs hook: keep the theme's compiled templates from one build to the next.

MkDocs compiles Material's templates afresh on every build and on every reload of `mkdocs
serve`: about 0.15 s, a tenth of this site's build. Jinja's own bytecode cache keeps them in the
cache folder (cache_folder.py). It compiles a template again when its source changes; what the
compiled code also depends on (the Jinja version, the filters MkDocs and its plugins register)
comes from the installed packages, so each set of them, with Python's version, has a folder of
its own. Speed only: the pages are the same without it (as under Zensical, which runs no hooks).
"""

import hashlib
import sys
from pathlib import Path

import jinja2

if str(Path(__file__).parent) not in sys.path:  # MkDocs loads a hook by its path
    sys.path.insert(0, str(Path(__file__).parent))
from cache_folder import CACHE

# The environment's packages by their `NAME-VERSION.dist-info` folders (the packaging spec's
# names for installed projects): reading their metadata would cost half the time saved.
PACKAGES = sorted(p.name for p in Path(jinja2.__file__).parent.parent.glob("*.dist-info"))
FOLDER = (
    CACHE
    / "templates"
    / hashlib.sha256("\n".join([sys.version, *PACKAGES]).encode()).hexdigest()[:16]
)


class ByName(jinja2.FileSystemBytecodeCache):
    """An entry per template name, not per name and path: checkouts with the same packages (a
    fresh clone in CI, each with its own virtual environment) share one set of entries."""

    def get_cache_key(self, name, filename=None):
        return super().get_cache_key(name)


def on_env(env, config, files):
    FOLDER.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = ByName(str(FOLDER))
    return env
