"""Page numbers as readers type them (?page=N): page 2 in every script, and what is no number."""

from thinktank.page_numbers import MAX_PAGE_DIGITS

# Page 2 as readers type it: ASCII, Arabic-Indic, Persian, Devanagari and full-width
# digits, and a leading zero.
PAGE_TWO = ["2", "٢", "۲", "२", "２", "02", "٠٢"]

# Not a page number, though str.isdigit() or int() takes each of them.
NOT_NUMBERS = [
    "²", "①", "⑵", "½", "Ⅱ", "𝟐²", " 2", "2 ", "%092", "+2", "2_0", "٢_٢", "-٢", "2\x00",
    "\x00", "\ufeff2", "2\u200f", "%ff", "%C2%B2", "9" * 5000, "٩" * (MAX_PAGE_DIGITS + 1),
]  # fmt: skip
