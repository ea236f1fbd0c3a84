"""
A small HTML tree built with the standard library's html.parser, for assertions on
the structure of a rendered page rather than on its exact bytes.
"""

import re
from html.parser import HTMLParser

VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr",
}  # fmt: skip


class Element:
    def __init__(self, tag, attrs, parent=None):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []

    def __repr__(self):
        return f"<{self.tag} {self.attrs}>"

    def get(self, name, default=None):
        return self.attrs.get(name, default)

    @property
    def classes(self):
        return (self.attrs.get("class") or "").split()

    @property
    def text(self):
        """The element's text, whitespace collapsed, as a reader would see it."""
        return re.sub(r"\s+", " ", "".join(self._texts())).strip()

    def _texts(self):
        for child in self.children:
            if isinstance(child, str):
                yield child
            else:
                yield from child._texts()

    def iter(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.iter()

    def find_all(self, tag=None, *, cls=None, text=None, **attrs):
        """
        Descendants matching `tag`, a CSS class `cls`, exact `text`, and attributes
        (`aria_labelledby="x"` matches aria-labelledby="x"; a value of True matches
        any value).
        """
        wanted = {name.replace("_", "-"): value for name, value in attrs.items()}
        found = []
        for element in self.iter():
            if tag is not None and element.tag != tag:
                continue
            if cls is not None and cls not in element.classes:
                continue
            if text is not None and element.text != text:
                continue
            if all(
                (name in element.attrs) if value is True else element.attrs.get(name) == value
                for name, value in wanted.items()
            ):
                found.append(element)
        return found

    def find(self, tag=None, **kwargs):
        """The first match; fails the test (AssertionError) when there is none."""
        found = self.find_all(tag, **kwargs)
        assert found, f"no <{tag or '*'}> matching {kwargs} in {self!r}"
        return found[0]

    def links(self):
        return self.find_all("a")

    def hrefs(self):
        return [link.get("href") for link in self.links()]

    def section(self, heading):
        """The <section> (or other parent) whose heading reads `heading`."""
        for element in self.iter():
            if element.tag in {"h2", "h3"} and element.text == heading:
                return element.parent
        raise AssertionError(f"no section headed {heading!r}")


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        if tag not in VOID_ELEMENTS:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html):
    """The document tree of `html` (a str, bytes or a Django response)."""
    if hasattr(html, "content"):
        html = html.content
    if isinstance(html, bytes):
        html = html.decode("utf-8")
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def get_page(client, url, status=200, **extra):
    """GET `url`, check the status (never a server error) and return its tree."""
    response = client.get(url, **extra)
    assert response.status_code < 500, f"{url} answered {response.status_code}"
    assert response.status_code == status, f"{url} answered {response.status_code}, not {status}"
    return parse(response)
