"""Names folded once, when saved, for matching and sorting in every script: databases
disagree on accent-insensitive matching. See docs/names.md."""

import re
import unicodedata

# Arabic marks that do not change which name it is.
ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Letters written in more than one way, folded so either spelling finds the other.
ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ې": "ي",
        "ک": "ك",
        "ة": "ه",
        "ۀ": "ه",
    }
)
PUNCTUATION = re.compile(r"[\s\-‐‑–—_.'’ʿʾ`]+")

# Words that start a family name ("Mushtaq Abd Manaf" is filed under Abd Manaf).
SURNAME_PARTICLES = {
    "ابن",
    "ابو",
    "بن",
    "بنت",
    "عبد",
    "abd",
    "abdel",
    "abdul",
    "abu",
    "al",
    "bin",
    "bint",
    "ben",
    "da",
    "de",
    "del",
    "della",
    "der",
    "di",
    "du",
    "el",
    "ibn",
    "la",
    "le",
    "van",
    "von",
}
# al-Omari sorts under O, as in library catalogues.
SORT_IGNORED_PREFIXES = re.compile(r"^(al|el|ul)[\s\-‐‑]+|^ال(?=\S{2})")


def fold(text):
    """Lower case, without accents, Arabic marks or letter variants, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    without_accents = "".join(char for char in decomposed if not unicodedata.combining(char))
    folded = ARABIC_MARKS.sub("", unicodedata.normalize("NFC", without_accents))
    folded = folded.casefold().translate(ARABIC_LETTERS)
    return PUNCTUATION.sub(" ", folded).strip()


def default_sort_name(name):
    """ "Anna Borshchevskaya" -> "Borshchevskaya, Anna"; "Mushtaq Abd Manaf" ->
    "Abd Manaf, Mushtaq"."""
    words = (name or "").split()
    if len(words) < 2:
        return " ".join(words)
    start = len(words) - 1
    for index in range(1, len(words) - 1):
        particle = fold(words[index]).split(" ")[0]  # "al-Omari" -> "al"
        if particle in SURNAME_PARTICLES:
            start = index
            break
    return f"{' '.join(words[start:])}, {' '.join(words[:start])}"


def sort_key(sort_name):
    """The folded sort name without a leading article: "al-Omari, Ghaith" -> "omari, ghaith"."""
    folded = fold(sort_name).replace(" ,", ",")
    return SORT_IGNORED_PREFIXES.sub("", folded, count=1)


def initial(key):
    """The letter a sort key is filed under in an A–Z index ("#" for a digit or sign)."""
    first = key[:1].upper()
    return first if first.isalpha() else "#"
