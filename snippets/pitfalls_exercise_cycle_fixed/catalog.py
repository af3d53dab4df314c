from items import ITEMS
from pricing import with_tax


def price(item):
    return with_tax(ITEMS[item])
