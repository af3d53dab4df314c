from collections import Counter

text = "import this import that from this import those"
print(Counter(text.split()).most_common(1))  # Output: [('import', 3)]
