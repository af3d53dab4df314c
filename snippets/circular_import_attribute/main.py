import orders

print(orders.Order.__name__)
