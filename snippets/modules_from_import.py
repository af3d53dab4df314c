from math_operations import add, subtract

print(add(3, 4))  # Output: 7
print(subtract(3, 4))  # Output: -1
