def with_tax(net):
    return round(net * 1.2, 2)
