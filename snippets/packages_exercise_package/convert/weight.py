def kg_to_pounds(kg):
    return round(kg / 0.45359237, 2)
