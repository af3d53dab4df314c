"""Notes on the JSON format: a file of yours that happens to be called json.py."""

print("json.py from this folder is running")
