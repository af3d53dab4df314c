import json

# The standard library's json has dumps(); the json.py next to this script doesn't.
print("the standard library's json:", hasattr(json, "dumps"))
