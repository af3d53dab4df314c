from shop import *

print(sorted(name for name in dir() if not name.startswith("_")))

import shop.prices  # noqa: F401  (imported for what it changes, not used here)
from shop import *

print(sorted(name for name in dir() if not name.startswith("_")))
