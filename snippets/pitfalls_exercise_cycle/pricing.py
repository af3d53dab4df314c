from catalog import ITEMS

TAX_RATE = 0.2


def with_tax(net):
    return round(net * (1 + TAX_RATE), 2)


def cheapest():
    return min(ITEMS, key=ITEMS.get)
