import orders  # the module, not a name from it: fine while orders.py is still running


class Customer:
    def __init__(self, name):
        self.name = name

    def place_order(self):
        return orders.Order(self)  # looked up when called, long after both files have run
