from typing import TYPE_CHECKING

if TYPE_CHECKING:  # True for type checkers such as mypy, False when the program runs
    from customers import Customer


class Order:
    def __init__(self, customer: "Customer"):  # a string: nothing looks it up at run time
        self.customer = customer
