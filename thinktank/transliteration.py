"""Arabic and Persian titles as ASCII URL slugs, letter by letter. See docs/transliteration.md."""

import re
import unicodedata

ARABIC_LETTERS = {
    "ا": "a", "أ": "a", "إ": "a", "آ": "a", "ٱ": "a",
    "ء": "", "ؤ": "w", "ئ": "y",
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh",
    "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh",
    "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh",
    "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ة": "a", "و": "w", "ي": "y", "ى": "a",
    # Persian. ۀ decomposes (NFKD) to ە + hamza above, so ە is here too.
    "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ک": "k", "ی": "y", "ۀ": "h", "ە": "h",
    "ـ": "",
}  # fmt: skip

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
    if char in CHARACTERS:
        return CHARACTERS[char]
    if char.isascii():
        return char
    category = unicodedata.category(char)
    if category == "Nd":
        return str(unicodedata.decimal(char))
    if category in ("Mn", "Me", "Cf"):
        return ""  # accents, harakat, shadda; ZWNJ, bidi marks
    if category.startswith("L"):
        return ""  # a script without a map (Cyrillic), as Django does
    return " "


def transliterate(text: str) -> str:
    """`text` in ASCII, letter by letter; words stay apart, Latin case is kept."""
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
    """The slug of a title ("قمة G20 في 2023" → "qma-g20-fy-2023"), cut after the last
    whole word within `max_length`; "" without a letter or digit."""
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
