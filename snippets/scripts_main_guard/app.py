import greet

print(greet.greet("reader"))
print(f"greet.__name__ is {greet.__name__!r}")
