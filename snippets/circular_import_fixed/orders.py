import customers  # the module, not a name from it: fine while customers.py is still running


class Order:
    def __init__(self, customer: "customers.Customer"):
        self.customer = customer
