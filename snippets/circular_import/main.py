import orders

print(orders.Order)
