from cmath import sqrt as complex_sqrt

print(complex_sqrt(-4))  # Output: 2j
print("complex_sqrt" in dir())  # Output: True
print("sqrt" in dir())  # Output: False
print("cmath" in dir())  # Output: False
