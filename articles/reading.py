"""How long an article is: its words, counted as a word processor counts them in every
script, and the minutes a reader takes over them. See docs/live-preview.md."""

import math
import unicodedata
from html.parser import HTMLParser

# Words a minute read silently, by language (Trauzettel-Klosinski and Dietz, "Standardized
# assessment of reading performance: the IReST", 2012: English 228, Arabic 138). Persian,
# not measured there, is written in the same script and read at Arabic's pace here.
WORDS_PER_MINUTE = {"en": 228, "ar": 138, "fa": 138}
DEFAULT_WORDS_PER_MINUTE = 228

# Elements that end a word where they start or stop; inline ones (em, a, sup) do not.
_BLOCKS = (
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6"
)
_MORE_BLOCKS = "header hr li main nav ol p pre section table tbody td tfoot th thead tr ul"
BLOCK_ELEMENTS = frozenset(f"{_BLOCKS} {_MORE_BLOCKS}".split())


def is_word(token):
    """A token counts as a word when it has a letter or a digit (not a lone dash)."""
    return any(unicodedata.category(char)[0] in "LN" for char in token)


def word_count(text):
    """The words of plain `text`: runs between white space that hold a letter or a digit.
    Arabic vowel marks and the zero-width non-joiner of Persian (می‌خواهم) are inside a
    word, never between two; punctuation on its own is not a word."""
    return sum(1 for token in text.split() if is_word(token))


class _TextOf(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in BLOCK_ELEMENTS:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def text_of(html):
    """The text a reader reads in `html`: a block element separates words, an inline
    one does not."""
    parser = _TextOf()
    parser.feed(html or "")
    parser.close()
    return "".join(parser.parts)


def reading_minutes(words, language):
    """Whole minutes to read `words` in `language`, at least one for any text."""
    if words <= 0:
        return 0
    pace = WORDS_PER_MINUTE.get(language, DEFAULT_WORDS_PER_MINUTE)
    return max(1, math.ceil(words / pace))
