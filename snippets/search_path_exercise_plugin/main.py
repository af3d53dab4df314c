"""Run text through plugins: every .py file in plugins/, or the ones named on the command line."""

import importlib
import sys
from pathlib import Path

plugin_folder = Path(__file__).resolve().parent / "plugins"
# Appended, so searched last: a plugin called json.py can't hide the standard library's json.
sys.path.append(str(plugin_folder))

names = sys.argv[1:] or sorted(path.stem for path in plugin_folder.glob("*.py"))
for name in names:
    plugin = importlib.import_module(name)
    print(f"{name}: {plugin.run('modules')}")
