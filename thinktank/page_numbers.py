"""The `?page=` parameter, as lists (thinktank.pagination) and the request log read it."""

MAX_PAGE_DIGITS = 18


def page_number(value):
    """The number a `?page=` value names in any script's decimal digits, else None."""
    if isinstance(value, str) and value.isdecimal() and len(value) <= MAX_PAGE_DIGITS:
        return int(value)
    return None
