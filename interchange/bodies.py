"""Bodies of imported articles: the record ids in their figures (`data-image`) and
internal links (`data-link="article:<id>"`) replaced by database ids, and plain links to
an imported record's old address made internal links. Pure functions: the importer
looks the ids up (articles.py) and hands the maps in."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.utils.html import escape

from library.figures import SIZES
from thinktank.html_offsets import OffsetParser, first_attributes

KEPT_LINK_ATTRIBUTES = ("title", "hreflang", "lang", "dir")


@dataclass
class Element:
    tag: str
    start: int
    open_end: int
    attrs: dict
    end: int | None = None  # after its end tag; None when never closed


class _Parser(OffsetParser):
    """The <a> and <figure> elements of a body, with where they start and end."""

    def __init__(self, html):
        super().__init__(convert_charrefs=False)
        self.elements, self.open = [], []
        self.read(html)

    def handle_starttag(self, tag, attrs):
        if tag in ("a", "figure"):
            first = {name: value or "" for name, value in first_attributes(attrs).items()}
            start = self.position()
            element = Element(tag, start, start + len(self.get_starttag_text()), first)
            self.elements.append(element)
            self.open.append(element)

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].tag == tag:
                self.open[index].end = self.position() + len(tag) + 3
                del self.open[index:]
                return


def elements_of(html):
    return _Parser(html or "").elements


def split_link(value):
    """("article", "123") of a data-link value "article:123", else None."""
    kind, colon, record_id = (value or "").partition(":")
    return (kind, record_id) if colon and kind and record_id else None


def local_path(href, hosts):
    """The path (with its query) of `href` when it points at the old site: a path of its
    own ("/2019/03/x/"), or an address on one of `hosts`; else None."""
    try:
        url = urlsplit((href or "").strip())
    except ValueError:
        return None
    if url.scheme not in ("", "http", "https"):
        return None
    if url.netloc and (url.hostname or "") not in hosts:
        return None
    if not url.path.startswith("/") or url.path.startswith("//"):
        return None
    return url.path + (f"?{url.query}" if url.query else "")


@dataclass
class References:
    """What a body refers to by record id: images, links (kind, id), old addresses."""

    images: set = field(default_factory=set)
    links: set = field(default_factory=set)
    paths: set = field(default_factory=set)


def references_of(html, hosts=()):
    found = References()
    for element in elements_of(html):
        if element.tag == "figure" and element.attrs.get("data-image"):
            found.images |= {element.attrs["data-image"]}
        elif element.tag == "a" and split_link(element.attrs.get("data-link")):
            found.links |= {split_link(element.attrs["data-link"])}
        elif element.tag == "a" and element.attrs.get("href"):
            path = local_path(element.attrs["href"], hosts)
            if path:
                found.paths |= {path}
    return found


@dataclass
class Rewritten:
    html: str
    missing_images: list
    missing_links: list
    unmatched_paths: list


def _link_tag(reference, attrs):
    kept = "".join(
        f' {name}="{escape(attrs[name])}"' for name in KEPT_LINK_ATTRIBUTES if name in attrs
    )
    return f'<a data-link="{reference}"{kept}>' if reference else f"<a{kept}>"


def rewrite(html, *, images, links, paths, hosts=()):
    """`html` with record ids replaced: `images` {record id: database id}, `links`
    {(kind, record id): database id}, `paths` {old path: "kind:database id"}. A figure
    of an unknown image is dropped, a link to an unknown record keeps its text only, an
    ordinary link to no known old address stays as it is; each is listed."""
    html = html or ""
    pieces, at = [], 0
    missing_images, missing_links, unmatched = [], [], []
    for element in elements_of(html):
        if element.start < at:  # inside a figure already dropped
            continue
        replacement, end = None, element.open_end
        if element.tag == "figure" and element.attrs.get("data-image"):
            record_id = element.attrs["data-image"]
            if record_id in images:
                size = element.attrs.get("data-size")
                size = size if size in SIZES else SIZES[0]
                replacement = f'<figure data-image="{images[record_id]}" data-size="{size}">'
            else:
                missing_images.append(record_id)
                replacement, end = "", element.end or element.open_end
        elif element.tag == "a" and split_link(element.attrs.get("data-link")):
            kind, record_id = split_link(element.attrs["data-link"])
            pk = links.get((kind, record_id))
            if pk is None:
                missing_links.append(f"{kind}:{record_id}")
            replacement = _link_tag(f"{kind}:{pk}" if pk else "", element.attrs)
        elif element.tag == "a" and element.attrs.get("href"):
            path = local_path(element.attrs["href"], hosts)
            if path and paths.get(path):
                replacement = _link_tag(paths[path], element.attrs)
            elif path:
                unmatched.append(path)
        if replacement is not None:
            pieces += [html[at : element.start], replacement]
            at = end
    pieces.append(html[at:])
    return Rewritten("".join(pieces), missing_images, missing_links, unmatched)
