ITEMS = {"tea": 3.5, "cake": 4.0}  # moved here from catalog.py: it imports nothing
