"""Internal links in stored rich text: `<a data-link="kind:42">text</a>`, a reference to
one of the site's pages by its kind and id, never by its address. The frame knows the
format; the apps register the kinds and resolve them (articles/links.py). See
docs/internal-links.md."""

import re
from dataclasses import dataclass

from django.utils.html import escape

from thinktank.html_offsets import OffsetParser, first_attributes

ATTRIBUTE = "data-link"
# The registered kinds ("article", "expert", ...): set by the apps in their ready().
_kinds = set()
# A kind is a short lowercase word; an id is ASCII digits, no leading zero, at most 18.
REFERENCE = re.compile(r"([a-z]{1,20}):([1-9][0-9]{0,17})")


def register_kind(*kinds):
    """Let stored links name `kinds` (what the sanitizer keeps, what pages resolve)."""
    _kinds.update(kinds)


def registered_kinds():
    return frozenset(_kinds)


@dataclass(frozen=True, order=True)
class Reference:
    """What a link points to: one of the registered kinds, and an id."""

    kind: str
    id: int

    def __str__(self):
        return f"{self.kind}:{self.id}"


def parse_reference(value):
    """The Reference `value` holds exactly ("article:42": a registered kind, an id of
    ASCII digits), else None. Nothing is trimmed or case-folded."""
    match = REFERENCE.fullmatch(value or "")
    if match is None or match.group(1) not in _kinds:
        return None
    return Reference(match.group(1), int(match.group(2)))


def is_reference(value):
    """Whether the sanitizer keeps `value` as a link's data-link."""
    return parse_reference(value) is not None


@dataclass(frozen=True)
class Link:
    """An <a> of a document: where its start tag is (`start`:`open_end`), where its
    end tag is (`close_start`:`end`, both None when it is never closed), and its
    reference (None for an ordinary link)."""

    start: int
    open_end: int
    close_start: int | None
    end: int | None
    reference: Reference | None
    attrs: dict


class _LinkParser(OffsetParser):
    def __init__(self, html):
        super().__init__(convert_charrefs=False)
        self.links = []
        self.open = []
        self.read(html)
        for start, open_end, attrs in self.open:  # never closed
            self.links.append(Link(start, open_end, None, None, _reference(attrs), attrs))
        self.links.sort(key=lambda link: link.start)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            first = {name: value or "" for name, value in first_attributes(attrs).items()}
            start = self.position()
            self.open.append((start, start + len(self.get_starttag_text()), first))

    def handle_endtag(self, tag):
        if tag == "a" and self.open:
            start, open_end, attrs = self.open.pop()
            close_start = self.position()
            end = close_start + len("</a>")
            self.links.append(Link(start, open_end, close_start, end, _reference(attrs), attrs))


def _reference(attrs):
    return parse_reference(attrs.get(ATTRIBUTE))


def links_in(html):
    """Every <a> of `html` (as the sanitizer writes it), in document order."""
    return _LinkParser(html or "").links


def references_in(html):
    """The references of `html`'s internal links, each once, in document order."""
    found = (link.reference for link in links_in(html) if link.reference is not None)
    return list(dict.fromkeys(found))


def render_links(html, url_of, *, unlinked=None):
    """`html` with each internal link given `url_of(reference)` as its href, its
    data-link and any stored href gone; a link whose `url_of` is None becomes its
    content alone (or `unlinked(content)`: previews mark it). Other links are left as
    they are. `html` is sanitized rich text."""
    pieces, at = [], 0
    for link in links_in(html):
        if link.reference is None or link.close_start is None or link.start < at:
            continue
        url = url_of(link.reference)
        pieces.append(html[at : link.start])
        inner = html[link.open_end : link.close_start]
        kept = "".join(
            f' {name}="{escape(link.attrs[name])}"'
            for name in ("title", "hreflang", "lang", "dir")
            if name in link.attrs
        )
        if url is not None:
            pieces.append(f'<a href="{escape(url)}"{kept}>{inner}</a>')
        elif unlinked is not None:
            pieces.append(unlinked(inner))
        else:
            pieces.append(inner)
        at = link.end
    pieces.append(html[at:])
    return "".join(pieces)
