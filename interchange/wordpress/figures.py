"""Images of a post's body as library figures, `<figure data-image="<attachment id>"
data-size="full|inline">` with an optional `<figcaption>` (docs/import-format.md,
library/figures.py): an `<img>` is the attachment its `wp-image-N` class names, else the
one whose file its src under wp-content/uploads is (a resized copy, -300x200, -scaled,
included)."""

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from django.utils.translation import gettext as _

from thinktank.html_tree import Element, parse, serialize

_CLASS_ID = re.compile(r"(?:^|\s)wp-image-(\d+)(?:\s|$)")
_CAPTION_ID = re.compile(r"^attachment_(\d+)$")
_UPLOADS = re.compile(r"/(?:wp-content/uploads|files)/(?:sites/\d+/)?(.+)$")
_VARIANT = re.compile(r"(?:-\d+x\d+|-scaled|-rotated|-e\d{10,13})+(?=\.\w+$)")
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_LINKED_IMG = re.compile(r"<a\b[^>]*>\s*(<img\b[^>]*>)\s*</a>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""\b([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
INLINE_ALIGNMENTS = {"alignleft", "alignright"}


@dataclass
class ImageIndex:
    """The export's attachments (read ahead, in a first pass): their ids, their files
    (uploads-relative, as `_wp_attached_file` has them) and the posts they belong to."""

    ids: set = field(default_factory=set)
    files: dict = field(default_factory=dict)
    children: dict = field(default_factory=dict)

    def add(self, attachment_id, file, parent):
        self.ids.add(attachment_id)
        if file:
            self.files.setdefault(_uploads_relative(file), attachment_id)
        if parent and parent != "0":
            self.children.setdefault(parent, []).append(attachment_id)

    def by_file(self, src):
        """The attachment whose file (or a resized copy of it) `src` is, else None."""
        match = _UPLOADS.search(unquote(urlsplit(src or "").path))
        if not match:
            return None
        path = match.group(1)
        return self.files.get(path) or self.files.get(_VARIANT.sub("", path))

    def resolve(self, attributes):
        """The attachment id an <img>'s attributes point at, else None."""
        match = _CLASS_ID.search(attributes.get("class", ""))
        if match and match.group(1) in self.ids:
            return match.group(1)
        return self.by_file(attributes.get("src", ""))


def is_upload(src):
    return bool(_UPLOADS.search(urlsplit(src or "").path))


def _uploads_relative(file):
    match = _UPLOADS.search("/wp-content/uploads/" + file.lstrip("/"))
    return match.group(1)


def figure(image_id, size, caption_nodes=()):
    """A figure element; its figcaption only when the caption holds something."""
    element = Element("figure", [("data-image", image_id), ("data-size", size)])
    caption = Element("figcaption", children=list(caption_nodes), parent=element)
    for node in caption.children:
        if isinstance(node, Element):
            node.parent = caption
    if "".join(serialize(node) for node in caption.children).strip():
        element.children.append(caption)
    return element


def _attributes_of(tag):
    return {
        match.group(1).lower(): next(value for value in match.groups()[1:] if value is not None)
        for match in _ATTRIBUTE.finditer(tag[4:])
    }


def _size(alignment):
    return "inline" if set(alignment.split()) & INLINE_ALIGNMENTS else "full"


def caption(attributes, content, images, problems):
    """A [caption] shortcode's HTML: one figure with its figcaption, or its content as it
    was (and a problem) when its image is not one of the export's attachments."""
    tag = _IMG.search(content)
    image_attributes = _attributes_of(tag.group(0)) if tag else {}
    match = _CAPTION_ID.match(attributes.get("id", ""))
    image_id = match.group(1) if match and match.group(1) in images.ids else None
    image_id = image_id or images.resolve(image_attributes)
    if not image_id:
        src = image_attributes.get("src", "")
        problems.append(
            _("a [caption]'s image (%(src)s) is not in the export: kept as it was")
            % {"src": src or "—"}
        )
        return content
    text = _LINKED_IMG.sub("", content, count=1)
    text = _IMG.sub("", text, count=1).strip() or attributes.get("caption", "")
    size = _size(attributes.get("align", "") + " " + image_attributes.get("class", ""))
    return serialize(figure(image_id, size, parse(text).children))


def gallery(attributes, images, problems, post_id):
    """A [gallery]'s HTML: one figure per image, in its order (`ids`, or `include`, or
    else the images attached to the post)."""
    listed = attributes.get("ids") or attributes.get("include") or ""
    ids = [part.strip() for part in listed.split(",") if part.strip()]
    if not listed:
        ids = sorted(images.children.get(post_id, []), key=lambda value: int(value))
    found = [image_id for image_id in ids if image_id in images.ids]
    missing = [image_id for image_id in ids if image_id not in images.ids]
    if missing:
        problems.append(
            _("a [gallery]'s images %(ids)s are not in the export: left out")
            % {"ids": ", ".join(missing)}
        )
    if not ids:
        problems.append(_("a [gallery] with no images attached to the post: left out"))
    return "".join(serialize(figure(image_id, "full")) for image_id in found)


def _split_paragraph(node):
    """Lift `node` (a figure) out of the paragraph holding it: the text before and after
    it stay two paragraphs, empty ones dropped."""
    paragraph = node.parent
    if paragraph is None or paragraph.tag != "p":
        return
    index = next(i for i, child in enumerate(paragraph.children) if child is node)
    before = Element("p", paragraph.attrs, paragraph.children[:index])
    after = Element("p", paragraph.attrs, paragraph.children[index + 1 :])
    if before.children and isinstance(before.children[-1], str):
        before.children[-1] = before.children[-1].rstrip()
    if after.children and isinstance(after.children[0], str):
        after.children[0] = after.children[0].lstrip()
    nodes = [before] if _has_content(before) else []
    nodes.append(node)
    nodes += [after] if _has_content(after) else []
    for part in (before, after):
        for child in part.children:
            if isinstance(child, Element):
                child.parent = part
    paragraph.replace_with(*nodes)


def _has_content(element):
    return any(
        isinstance(child, Element) and child.tag != "br" or isinstance(child, str) and child.strip()
        for child in element.children
    )


def _image_figure(img, image_id):
    """The figure replacing `img`, and the node it replaces (the img, the link around it,
    or the block editor's own figure, whose figcaption it keeps)."""
    target = img
    link = target.parent
    if (
        link is not None
        and link.tag == "a"
        and sum(isinstance(c, Element) for c in link.children) == 1
    ):
        target = link
    classes = img.get("class", "")
    caption_nodes = []
    holder = target.parent
    if holder is not None and holder.tag == "figure" and not holder.has("data-image"):
        classes += " " + holder.get("class", "")
        for child in holder.children:
            if isinstance(child, Element) and child.tag == "figcaption":
                caption_nodes = child.children
        target = holder
    return figure(image_id, _size(classes), caption_nodes), target


def figures_from_images(root, images, problems):
    """Every <img> of the tree `root` that is one of the export's attachments becomes a
    library figure; one under wp-content/uploads that is not gets a problem."""
    for img in [element for element in root.elements() if element.tag == "img"]:
        if img.parent is None:
            continue
        image_id = images.resolve(dict(img.attrs))
        if not image_id:
            if is_upload(img.get("src")):
                problems.append(
                    _("the image %(src)s is not in the export: kept as it was")
                    % {"src": img.get("src")}
                )
            continue
        new, target = _image_figure(img, image_id)
        target.replace_with(new)
        _split_paragraph(new)
    for element in [element for element in root.elements() if element.tag == "figure"]:
        inner = [child for child in element.children if isinstance(child, Element)]
        if not element.has("data-image") and any(child.has("data-image") for child in inner):
            element.unwrap()  # a block editor's gallery: its figures stand on their own
