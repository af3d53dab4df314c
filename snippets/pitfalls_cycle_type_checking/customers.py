from orders import Order


class Customer:
    def __init__(self, name):
        self.name = name

    def place_order(self):
        return Order(self)
