"""What several test modules share: how to find, run and judge the site's examples.

- `project`: where the checkout is, the teaching code, building the site and walking the build.
- `markdown`: the one parser of fenced code blocks, for pages and docstrings alike.
- `pythons`: the interpreters a run checks examples on, and which of them a `python="..."` tag
  picks (the tags' grammar, like the fences', is `scripts/page_syntax.py`, which the build
  reads too).
- `claims`: the `# Output:` / `# Raises:` grammar, running an example, and judging its run.
- `examples`: every Python example a reader can see, collected, and linted with ruff.
- `sessions`: the ```console sessions on pages, parsed and run command by command.
"""
