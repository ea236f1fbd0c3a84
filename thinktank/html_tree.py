"""A small tree of well-formed HTML (what nh3 writes, what the sanitizer stored), to
rewrite it by structure rather than by pattern: parse(), serialize(), text_of()."""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Raw(str):
    """HTML already written: serialized as it is."""


class Element:
    """An element: its tag, its attributes in order ([(name, value)]) and its children
    (Elements and strings of text)."""

    __slots__ = ("attrs", "children", "parent", "tag")

    def __init__(self, tag, attrs=(), children=None, parent=None):
        self.tag = tag
        self.attrs = list(attrs)
        self.children = children if children is not None else []
        self.parent = parent

    def get(self, name, default=None):
        return next((value for key, value in self.attrs if key == name), default)

    def has(self, name):
        return any(key == name for key, _value in self.attrs)

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def elements(self):
        """Every element under this one, in document order."""
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.elements()

    def replace_with(self, *nodes):
        """Put `nodes` where this element is, in its parent."""
        siblings = self.parent.children
        index = next(i for i, child in enumerate(siblings) if child is self)
        for node in nodes:
            if isinstance(node, Element):
                node.parent = self.parent
        siblings[index : index + 1] = nodes
        self.parent = None  # detached: out of the tree

    def unwrap(self):
        """Replace this element by its children."""
        self.replace_with(*self.children)


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#root")
        self.open = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, [(name, value or "") for name, value in attrs], parent=self.open)
        self.open.children.append(element)
        if tag not in VOID:
            self.open = element

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open = self.open.parent

    def handle_endtag(self, tag):
        node = self.open
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:  # an end tag with no open element is ignored
            self.open = node.parent

    def handle_data(self, data):
        self.open.children.append(data)


def parse(markup):
    """The tree of `markup` under a "#root" element."""
    builder = _Builder()
    builder.feed(markup or "")
    builder.close()
    return builder.root


def _escape_text(text):
    """As html5ever (nh3) escapes text, so that a rewrite changes nothing else."""
    return (
        text.replace("&", "&amp;")
        .replace("\xa0", "&nbsp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )


def _escape_attribute(value):
    return value.replace("&", "&amp;").replace("\xa0", "&nbsp;").replace('"', "&quot;")


def serialize(node):
    """The HTML of `node`'s children if it is the root, else of the node itself."""
    if isinstance(node, Raw):
        return str(node)
    if isinstance(node, str):
        return _escape_text(node)
    inner = "".join(serialize(child) for child in node.children)
    if node.tag == "#root":
        return inner
    attrs = "".join(f' {name}="{_escape_attribute(value)}"' for name, value in node.attrs)
    if node.tag in VOID:
        return f"<{node.tag}{attrs}>"
    return f"<{node.tag}{attrs}>{inner}</{node.tag}>"


def inner_html(element):
    return "".join(serialize(child) for child in element.children)


def text_of(node):
    """The text under `node`, tags dropped."""
    if isinstance(node, str):
        return node
    return "".join(text_of(child) for child in node.children)
