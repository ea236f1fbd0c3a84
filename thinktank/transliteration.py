"""
Arabic and Persian titles as ASCII URL slugs, written letter by letter, in the
reference site's style (`transliterate`, `slugify_title`): each written letter
becomes a fixed ASCII letter or pair, and nothing unwritten (short vowels, doubled
consonants) is added.

Design: docs/transliteration.md
"""

import re
import unicodedata

ARABIC_LETTERS = {
    # Alef and the hamza forms, folded into their seat.
    "ا": "a", "أ": "a", "إ": "a", "آ": "a", "ٱ": "a",
    "ء": "", "ؤ": "w", "ئ": "y",
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh",
    "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh",
    "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh",
    "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ة": "a", "و": "w", "ي": "y", "ى": "a",
    # Persian. ۀ decomposes (NFKD) to ە + hamza above, so ە is here too.
    "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ک": "k", "ی": "y", "ۀ": "h", "ە": "h",
    # Tatweel (kashida) only stretches a word.
    "ـ": "",
}  # fmt: skip

# Punctuation kept (as ASCII) by `transliterate`; apostrophes stay inside words.
PUNCTUATION = {
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",", "۔": ".",
    "\u2019": "'", "\u2018": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "«": '"', "»": '"',
    "\u2013": "-", "\u2014": "-",
}  # fmt: skip

# Latin letters that NFKD does not split into a letter and an accent.
LATIN_LETTERS = {
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
    "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
}  # fmt: skip

CHARACTERS = ARABIC_LETTERS | PUNCTUATION | LATIN_LETTERS


def _ascii(char: str) -> str:
    """One character, already NFKD-decomposed, in ASCII."""
    if char in CHARACTERS:
        return CHARACTERS[char]
    if char.isascii():
        return char
    category = unicodedata.category(char)
    if category == "Nd":
        return str(unicodedata.decimal(char))
    if category in ("Mn", "Me", "Cf"):
        # Accents, harakat, shadda, sukun, superscript alef; ZWNJ, bidi marks, soft hyphen.
        return ""
    if category.startswith("L"):
        # A letter of a script without a map (e.g. Cyrillic) is left out, as Django does.
        return ""
    return " "  # Other punctuation, symbols and spaces separate words.


def transliterate(text: str) -> str:
    """
    `text` in ASCII, letter by letter: Arabic and Persian letters by the map above,
    Latin letters without their accents, digits as 0-9. Spaces and punctuation stay
    (as ASCII, or a space) so that words are still apart; the case of Latin text is kept.
    """
    out = []
    for char in text:
        if char in CHARACTERS:
            out.append(CHARACTERS[char])
        else:
            out.extend(_ascii(part) for part in unicodedata.normalize("NFKD", char))
    return "".join(out)


_APOSTROPHE = re.compile(r"'+")
_SEPARATORS = re.compile(r"[^a-z0-9]+")


def slugify_title(text: str, max_length: int = 255) -> str:
    """
    The URL slug of a title: lowercase ASCII words (a-z, 0-9) joined by single hyphens,
    e.g. "قمة G20 في 2023" → "qma-g20-fy-2023". "" when the title has no letter or
    digit. A slug longer than `max_length` is cut after the last whole word that fits;
    only a first word longer than `max_length` on its own is cut inside the word.
    """
    if max_length < 1:
        raise ValueError("max_length must be at least 1")
    ascii_text = _APOSTROPHE.sub("", transliterate(text).lower())
    slug = _SEPARATORS.sub("-", ascii_text).strip("-")
    if len(slug) <= max_length:
        return slug
    cut = slug[: max_length + 1]
    if "-" not in cut:
        return slug[:max_length]
    return cut.rsplit("-", 1)[0]
