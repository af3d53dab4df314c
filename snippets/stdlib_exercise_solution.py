from collections import Counter

words = ["import", "this", "import", "that", "from", "this", "import", "those"]
print(Counter(words).most_common(1))  # Output: [('import', 3)]
