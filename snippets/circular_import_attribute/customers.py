import orders  # the module, not a name from it


class Customer:
    def __init__(self, name):
        self.name = name


# The base class is looked up now, while orders.py is still on its first line.
class RushOrder(orders.Order):
    """An order that is shipped first."""
