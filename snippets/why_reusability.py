from math_operations import add

# The same function serves numbers, strings and lists: written once, used everywhere.
print(add(2, 3))  # Output: 5
print(add("mod", "ule"))  # Output: module
print(add([1, 2], [3]))  # Output: [1, 2, 3]
