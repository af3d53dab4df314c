import orders  # the module, not a name from it


class Customer:
    def __init__(self, name):
        self.name = name


class RushOrder(orders.Order):  # looked up now, while orders.py is still on its first line
    """An order that is shipped first."""
