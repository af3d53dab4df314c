class Customer:
    def __init__(self, name):
        self.name = name

    def place_order(self):
        from orders import Order  # imported when called, after both files have run

        return Order(self)
