import orders
from customers import Customer

order = Customer("Ada").place_order()
print(type(order).__name__, "for", order.customer.name)
print(orders.Order.__init__.__annotations__)
print(orders.TYPE_CHECKING, hasattr(orders, "Customer"))
