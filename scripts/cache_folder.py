"""Where the project keeps what it fetches or makes once, outside the checkout, shared by every
checkout on the machine: ${XDG_CACHE_HOME:-~/.cache}/modules-and-packages/. The npm packages
(npm_packages.py), the provided Pythons (provide_pythons.py), the compiled templates
(template_cache.py), Lighthouse (benchmark_lighthouse.py) and the examples' bare virtual
environments (tests/checker/pythons.py) each have a folder in it. Standard library only, like
provide_pythons.py.
"""

import os
from pathlib import Path

CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "modules-and-packages"
