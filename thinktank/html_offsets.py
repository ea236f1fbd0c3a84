"""Reading HTML with offsets: where in the text the tag being handled starts
(HTMLParser's getpos() counts lines and columns). Used wherever stored HTML is rewritten
in place: links, figures, images, an import's bodies."""

from html.parser import HTMLParser


class OffsetParser(HTMLParser):
    """An HTMLParser whose `read(html)` feeds the whole text, during which `position()`
    is the offset in `html` of the tag being handled."""

    def read(self, html):
        self._lines = [0]  # where each line starts
        for line in html.split("\n"):
            self._lines.append(self._lines[-1] + len(line) + 1)
        self.feed(html)
        self.close()

    def position(self):
        line, column = self.getpos()
        return self._lines[line - 1] + column


def first_attributes(attrs):
    """A start tag's attributes as a dict, a repeated one counted the first time (as
    browsers read it)."""
    first = {}
    for name, value in attrs:
        first.setdefault(name, value)
    return first
