from customers import Customer

order = Customer("Ada").place_order()
print(type(order).__name__, "for", order.customer.name)
