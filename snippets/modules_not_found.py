import trigonometry  # Raises: ModuleNotFoundError: No module named 'trigonometry'

print(trigonometry.hypotenuse(3, 4))  # never reached: the import above fails
