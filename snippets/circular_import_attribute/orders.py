import customers


class Order:
    def __init__(self, customer: "customers.Customer"):
        self.customer = customer
