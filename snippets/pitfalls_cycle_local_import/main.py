import orders  # noqa: F401  (the import that failed in the circular example)
from customers import Customer

order = Customer("Ada").place_order()
print(type(order).__name__, "for", order.customer.name)
