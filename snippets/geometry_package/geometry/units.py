"""Converting lengths."""

CM_PER_INCH = 2.54


def inches_to_cm(inches):
    return inches * CM_PER_INCH
