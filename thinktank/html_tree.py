"""A small tree of well-formed HTML (a converter's output), to move elements about and
write it again. Not for editors' HTML: that goes through thinktank.html's sanitizer."""

from html import escape
from html.parser import HTMLParser

VOID = {"br", "hr", "img", "col", "wbr"}


class Element:
    """An element: its tag, attributes and children (Elements and strings)."""

    def __init__(self, tag, attrs=None, children=None):
        self.tag = tag
        self.attrs = dict(attrs or {})
        self.children = list(children or [])

    def __repr__(self):
        return f"<{self.tag} {self.attrs}>"

    def walk(self):
        """Every element below this one, depth first, with its parent."""
        for child in list(self.children):
            if isinstance(child, Element):
                yield child, self
                yield from child.walk()

    def index(self, child):
        """Where `child` (this very node) is among the children."""
        return next(index for index, node in enumerate(self.children) if node is child)

    def drop(self, child):
        """Take `child` (this very node) out of the children."""
        del self.children[self.index(child)]

    def text(self):
        return "".join(
            child.text() if isinstance(child, Element) else child for child in self.children
        )

    def html(self):
        """The children, written as HTML."""
        return "".join(_write(child) for child in self.children)


def _write(node):
    if isinstance(node, str):
        return escape(node, quote=False)
    attrs = "".join(
        f' {name}="{escape(value or "", quote=True)}"' for name, value in node.attrs.items()
    )
    if node.tag in VOID:
        return f"<{node.tag}{attrs}>"
    return f"<{node.tag}{attrs}>{node.html()}</{node.tag}>"


def write(node):
    """`node` (an Element or a string) as HTML."""
    return _write(node)


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs)
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Element(tag, attrs))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html):
    """The tree of `html`, under an Element "root"."""
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root
