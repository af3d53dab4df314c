import importlib


def call(module_name, function_name, *args):
    """Import a module by its name, and call one of its functions by name."""
    module = importlib.import_module(module_name)
    return getattr(module, function_name)(*args)


print(call("math_operations", "add", 3, 4))  # Output: 7
print(call("calculations.trigonometry", "hypotenuse", 3, 4))  # Output: 5.0
