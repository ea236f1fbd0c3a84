"""What a search engine and a link preview show of a page, read from the page itself
(its <title>, meta description and Open Graph tags), and where they cut it short.
See docs/live-preview.md."""

from dataclasses import dataclass
from html.parser import HTMLParser

# Characters shown before the text is cut with "…": about what Google shows of a
# title (600 px) and a description on a computer, and what link cards show.
SEARCH_TITLE_LIMIT = 60
SEARCH_DESCRIPTION_LIMIT = 155
CARD_TITLE_LIMIT = 70
CARD_DESCRIPTION_LIMIT = 200


@dataclass(frozen=True)
class PageMetadata:
    title: str = ""
    description: str = ""
    og_title: str = ""
    og_description: str = ""
    og_image: str = ""
    og_image_alt: str = ""
    url: str = ""


class _Head(HTMLParser):
    META = {
        ("name", "description"): "description",
        ("property", "og:title"): "og_title",
        ("property", "og:description"): "og_description",
        ("property", "og:image"): "og_image",
        ("property", "og:image:alt"): "og_image_alt",
        ("property", "og:url"): "url",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.values = {}
        self.in_title = False
        self.title = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title" and "title" not in self.values:
            self.in_title = True
        elif tag == "meta":
            for (kind, name), key in self.META.items():
                if attrs.get(kind) == name and key not in self.values:
                    self.values[key] = (attrs.get("content") or "").strip()

    def handle_endtag(self, tag):
        if tag == "title" and self.in_title:
            self.in_title = False
            self.values["title"] = " ".join("".join(self.title).split())

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)


def page_metadata(html):
    """The first <title>, description and Open Graph values of the page `html`."""
    parser = _Head()
    parser.feed(html)
    parser.close()
    return PageMetadata(**parser.values)


def shortened(text, limit):
    """`text` as a result or a card shows it: cut at a word before `limit`, with "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return f"{cut.rstrip(' ,.;:،؛')}…"


@dataclass(frozen=True)
class Measure:
    """One text of a preview: its length against the limit it is shown within."""

    text: str
    limit: int

    @property
    def length(self):
        return len(self.text)

    @property
    def too_long(self):
        return self.length > self.limit

    @property
    def missing(self):
        return not self.text.strip()

    @property
    def shown(self):
        return shortened(self.text, self.limit)


def measures(metadata):
    """{"search_title", "search_description", "card_title", "card_description"}."""
    return {
        "search_title": Measure(metadata.title, SEARCH_TITLE_LIMIT),
        "search_description": Measure(metadata.description, SEARCH_DESCRIPTION_LIMIT),
        "card_title": Measure(metadata.og_title or metadata.title, CARD_TITLE_LIMIT),
        "card_description": Measure(
            metadata.og_description or metadata.description, CARD_DESCRIPTION_LIMIT
        ),
    }
