"""Search results' titles and passages with the matches in <mark>, computed for one page
in Python; every piece of text is escaped. See docs/search.md."""

import bisect
import functools
import html
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from thinktank.notes import split_notes
from thinktank.text import fold

SNIPPET_CHARACTERS = 240
TAG = re.compile(r"<[^>]*>")
WORD = re.compile(r"\w+")

# Endings cut off to decide what to mark (the search itself stems properly).
LATIN_ENDINGS = ("ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s")
ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال", "و", "ب", "ل")
ARABIC_ENDINGS = ("ات", "ون", "ين", "ان", "ها", "ه", "ي")
ARABIC = re.compile(r"[\u0600-\u06ff]")


def plain_text(body_html):
    """The text of sanitized rich text, tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(TAG.sub(" ", body_html or "")).split())


@functools.lru_cache(maxsize=50_000)
def word_key(word):
    """A folded word without the endings (and Arabic prefixes) that inflect it."""
    key = fold(word)
    if ARABIC.search(key):
        for prefix in ARABIC_PREFIXES:
            if key.startswith(prefix) and len(key) - len(prefix) >= 3:
                key = key[len(prefix) :]
                break
        endings = ARABIC_ENDINGS
    else:
        endings = LATIN_ENDINGS
    for ending in endings:
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            return key[: -len(ending)] + ("y" if ending in ("ies", "ied") else "")
    return key


class Highlighter:
    """Marks the words of `text` that match one of the query's `words`."""

    def __init__(self, words):
        self.keys = {word_key(word) for word in words if word}
        # Words seen, and a regex of those that match: faster than word by word.
        self._seen = set()
        self._matching = set()
        self._pattern = None

    def matches(self, word):
        return bool(self.keys) and word_key(word) in self.keys

    def spans(self, text):
        """(start, end) of each matching word of `text`."""
        if not self.keys:
            return []
        new = set(WORD.findall(text)) - self._seen
        if new:
            self._seen |= new
            found = {word for word in new if self.matches(word)}
            if found:
                self._matching |= found
                words = sorted(self._matching, key=lambda word: (-len(word), word))
                self._pattern = re.compile(
                    r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)"
                )
        if self._pattern is None:
            return []
        return [match.span() for match in self._pattern.finditer(text)]

    def mark(self, text, spans=None):
        """`text` escaped, its matching words in <mark> (safe HTML)."""
        spans = self.spans(text) if spans is None else spans
        pieces, position = [], 0
        for start, end in spans:
            pieces.append(escape(text[position:start]))
            pieces.append(f"<mark>{escape(text[start:end])}</mark>")
            position = end
        pieces.append(escape(text[position:]))
        return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above

    def passage(self, text, length=SNIPPET_CHARACTERS):
        """About `length` characters around the densest run of matches, or None."""
        spans = self.spans(text)
        if not spans:
            return None
        start, end = self._window(text, spans, length)
        inside = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
        marked = self.mark(text[start:end], inside)
        before = "… " if start > 0 else ""
        after = " …" if end < len(text) else ""
        return mark_safe(f"{before}{marked}{after}")  # noqa: S308 - marked is escaped

    @staticmethod
    def _window(text, spans, length):
        best, best_count = spans[0][0], 0
        ends = [end for _start, end in spans]  # increasing: the words do not overlap
        for index, (first_start, _end) in enumerate(spans):
            count = bisect.bisect_right(ends, first_start + length, lo=index) - index
            if count > best_count:
                best, best_count = first_start, count
        start = max(0, best - length // 4)
        if start > 0:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < best else best
        end = min(len(text), start + length)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > best else end
        return start, end


def highlight(articles, words):
    """Give each article `search_title` and `search_snippet` (a passage of the body's own
    text, else of its notes' text, else the summary)."""
    highlighter = Highlighter(words)
    for article in articles:
        article.search_title = highlighter.mark(article.title)
        own_text, notes = split_notes(article.body)
        snippet = highlighter.passage(plain_text(own_text))
        if snippet is None and notes:
            snippet = highlighter.passage(plain_text(" ".join(notes)))
        if snippet is None:
            snippet = highlighter.mark(article.summary)
        article.search_snippet = snippet
    return articles
