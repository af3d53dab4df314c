def km_to_miles(km):
    return round(km / 1.609344, 2)
