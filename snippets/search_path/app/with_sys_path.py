import sys
from pathlib import Path

# shared/ is next to app/, the folder of this file: put it first on the search path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "shared"))

import greetings  # after the change: only now can it be found

print(greetings.hello())
