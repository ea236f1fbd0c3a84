"""A checked Word document (thinktank.docx) as a body: mammoth's HTML, its footnotes and
endnotes as inline notes, its images as figures (through the caller's image handler),
sanitized; and what could not come along, listed. See docs/word-import.md."""

import itertools
import logging
from dataclasses import dataclass, field

import mammoth
from django.utils.translation import gettext as _

from thinktank import docx_contents, html_tree
from thinktank.docx import not_a_docx
from thinktank.html import sanitize_html

logger = logging.getLogger(__name__)

# Word's heading levels one step down (the page's title is the h1); its Title is the
# title; a Caption paragraph right after an image is the figure's caption.
STYLE_MAP = "\n".join(
    [
        *(
            f"p[style-name='{name} {level}'] => h{min(level + 1, 6)}:fresh"
            for level in range(1, 7)
            for name in ("heading", "Heading")
        ),
        *(f"p.Heading{level} => h{min(level + 1, 6)}:fresh" for level in range(1, 7)),
        "p[style-name='Title'] => h1.word-title:fresh",
        "p.Title => h1.word-title:fresh",
        "p[style-name='Caption'] => p.word-caption:fresh",
        "p.Caption => p.word-caption:fresh",
    ]
)
IMAGE_SOURCE = "word-image:"
# Where a figure may not stay: it is lifted out of these, which are split around it.
PHRASING = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "strong", "em", "b", "i", "u",
            "s", "sup", "sub", "span"}  # fmt: skip


class ImageNotImported(Exception):
    """An image handler's refusal of one image, with the reason for the editor."""


class _HandlerFailed(Exception):
    """An image handler's error, carried through mammoth unchanged."""


@dataclass
class WordImage:
    """An image of the document, as an image handler receives it."""

    number: int  # in the order of the document, from 1
    content_type: str
    alt_text: str
    data: bytes


@dataclass
class Conversion:
    """The body, the title found in the document, and what did not come along."""

    body: str
    title: str = ""
    unsupported: list = field(default_factory=list)  # sentences for the editor
    messages: list = field(default_factory=list)  # mammoth's own (English)
    figures: list = field(default_factory=list)  # the image ids the body refers to
    lead: str = ""  # the first paragraph's text, without its notes (for a summary)


def convert(document, *, images=None):
    """`document` (a checked Docx) as a sanitized body. `images(WordImage)` returns the
    id of the library image made of one, or raises ImageNotImported; without it, or
    refused, an image is listed as not imported."""
    conversion = Conversion(body="")
    numbers = itertools.count(1)
    found = {}

    def image_element(image):
        number = next(numbers)
        with image.open() as stream:
            data = stream.read()
        picture = WordImage(number, image.content_type or "", image.alt_text or "", data)
        try:
            if images is None:
                raise ImageNotImported(_("images are not imported here"))
            found[number] = images(picture)
        except ImageNotImported as refusal:
            conversion.unsupported.append(_image_not_imported(picture, str(refusal)))
            return []
        except Exception as error:  # the handler's own failure, not the document's
            raise _HandlerFailed from error
        return [mammoth.html.element("img", {"src": f"{IMAGE_SOURCE}{number}"})]

    try:
        result = mammoth.convert_to_html(
            document.as_zip(),
            style_map=STYLE_MAP,
            convert_image=image_element,
            external_file_access=False,
        )
    except _HandlerFailed as failure:
        raise failure.__cause__ from None
    except Exception as error:  # noqa: BLE001 - any failure of the converter on a file
        # that passed the checks means it cannot be read; the editor is told, not a 500.
        logger.warning("word_import_failed error=%r", error)
        raise not_a_docx() from error
    conversion.messages = list(dict.fromkeys(message.message for message in result.messages))
    tree = html_tree.parse(result.value)
    notes_from_footnotes(tree)
    conversion.title = _take_title(tree) or docx_contents.core_title(document)
    if not conversion.title:
        conversion.title = next(
            (h.text().strip() for h, _p in tree.walk() if h.tag in HEADINGS), ""
        )
    _unwrap_anchors(tree)
    conversion.figures = _figures(tree, found)
    conversion.lead = _lead(tree)
    conversion.body = sanitize_html(tree.html())
    conversion.unsupported = docx_contents.unsupported(document) + conversion.unsupported
    return conversion


HEADINGS = {"h2", "h3", "h4", "h5", "h6"}


def _lead(tree):
    """The text of the first paragraph with any, without its notes."""
    for element, _parent in tree.walk():
        if element.tag == "p" and element.text().strip():
            return "".join(
                node.text() if isinstance(node, html_tree.Element) else node
                for node in element.children
                if not (isinstance(node, html_tree.Element) and "data-note" in node.attrs)
            ).strip()
    return ""


def _image_not_imported(image, reason):
    if image.alt_text:
        return _("Image %(number)d (“%(alt)s”) was not imported: %(reason)s.") % {
            "number": image.number,
            "alt": image.alt_text[:100],
            "reason": reason,
        }
    return _("Image %(number)d was not imported: %(reason)s.") % {
        "number": image.number,
        "reason": reason,
    }


def _take_title(tree):
    """The text of the document's Title paragraph, taken out of the body; a later one
    stays as a heading."""
    title = ""
    for element, parent in tree.walk():
        if element.tag == "h1":
            if not title and parent is tree and element.text().strip():
                title = element.text().strip()
                parent.drop(element)
            else:
                element.tag = "h2"
    return title


def _unwrap(element, parent):
    index = parent.index(element)
    parent.children[index : index + 1] = element.children


def _unwrap_anchors(tree):
    """Bookmarks (anchors without an address) and links inside the document (their
    targets' ids are not kept) become their text."""
    for element, parent in list(tree.walk()):
        href = element.attrs.get("href")
        if element.tag == "a" and (not href or href.startswith("#")):
            _unwrap(element, parent)


# --- notes -------------------------------------------------------------------------------


def notes_from_footnotes(tree):
    """mammoth's footnotes and endnotes (a reference `<sup><a href="#footnote-1">` and the
    list at the end, `<li id="footnote-1">`) as inline notes, `<span data-note="">`."""
    notes = {}
    for element, parent in list(tree.walk()):
        note_id = element.attrs.get("id") or ""
        if element.tag == "li" and note_id.startswith(("footnote-", "endnote-")):
            notes[note_id] = _note_content(element, note_id)
            parent.drop(element)
            if not any(isinstance(child, html_tree.Element) for child in parent.children):
                _, grandparent = next(
                    (pair for pair in tree.walk() if pair[0] is parent), (None, None)
                )
                if grandparent is not None:
                    grandparent.drop(parent)
    for element, parent in list(tree.walk()):
        links = [child for child in element.children if isinstance(child, html_tree.Element)]
        if element.tag == "sup" and len(links) == 1 and links[0].tag == "a":
            target = (links[0].attrs.get("href") or "").removeprefix("#")
            if target in notes:
                note = html_tree.Element("span", {"data-note": ""}, notes[target])
                parent.children[parent.index(element)] = note


def _note_content(item, note_id):
    """A note's inline content: its paragraphs' content, without the link back."""
    back = f"#{note_id.replace('-', '-ref-', 1)}"
    content = []
    for child in item.children:
        if isinstance(child, html_tree.Element) and child.tag == "p":
            inner = [
                node
                for node in child.children
                if not (isinstance(node, html_tree.Element) and node.attrs.get("href") == back)
            ]
            if content:
                content.append(" ")
            content.extend(inner)
        elif not (isinstance(child, html_tree.Element) and child.attrs.get("href") == back):
            content.append(child)
    for end, strip in ((0, str.lstrip), (-1, str.rstrip)):
        while content and isinstance(content[end], str) and not content[end].strip():
            content.pop(end)
        if content and isinstance(content[end], str):
            content[end] = strip(content[end])
    return content


# --- figures -----------------------------------------------------------------------------


def _path_to(tree, target):
    """The elements from a child of `tree` down to `target`."""
    for child in tree.children:
        if child is target:
            return [child]
        if isinstance(child, html_tree.Element):
            path = _path_to(child, target)
            if path:
                return [child, *path]
    return []


def _split(element, path):
    """(before, after): `element`'s content either side of path[-1], split down `path`."""
    child = path[0]
    index = element.index(child)
    before, after = element.children[:index], element.children[index + 1 :]
    if len(path) == 1:
        return before, after
    inner_before, inner_after = _split(child, path[1:])
    return (
        [*before, html_tree.Element(child.tag, child.attrs, inner_before)],
        [html_tree.Element(child.tag, child.attrs, inner_after), *after],
    )


def _is_empty(element):
    if isinstance(element, str):
        return not element.strip()
    return not element.text().strip() and not any(
        node.tag in html_tree.VOID for node, _parent in element.walk()
    )


def _figures(tree, found):
    """Each placeholder image as a figure of its library image, lifted out of the
    paragraph (or heading, link, ...) it was in, with the Caption paragraph after it as
    its caption. The image ids, in order."""
    figures = []
    placeholders = [
        element
        for element, _parent in tree.walk()
        if element.tag == "img" and element.attrs.get("src", "").startswith(IMAGE_SOURCE)
    ]
    for image in placeholders:
        number = int(image.attrs["src"].removeprefix(IMAGE_SOURCE))
        figure = html_tree.Element(
            "figure", {"data-image": str(found[number]), "data-size": "full"}
        )
        figures.append(found[number])
        path = [tree, *_path_to(tree, image)]
        top = len(path) - 1  # the image itself, then up while the parent is phrasing
        while top > 1 and path[top - 1].tag in PHRASING:
            top -= 1
        container, block = path[top - 1], path[top]
        at = container.index(block)
        if block is image:
            container.children[at] = figure
        else:
            before, after = _split(block, path[top + 1 :])
            pieces = [
                html_tree.Element(block.tag, block.attrs, before),
                figure,
                html_tree.Element(block.tag, block.attrs, after),
            ]
            container.children[at : at + 1] = [
                piece for piece in pieces if piece is figure or not _is_empty(piece)
            ]
        _caption(container, figure)
    return figures


def _caption(container, figure):
    """The Caption paragraph right after `figure` becomes its figcaption."""
    after = container.children[container.index(figure) + 1 :]
    following = next(
        (node for node in after if not _is_empty(node) or not isinstance(node, str)), None
    )
    if (
        isinstance(following, html_tree.Element)
        and following.tag == "p"
        and "word-caption" in (following.attrs.get("class") or "").split()
    ):
        container.drop(following)
        figure.children.append(html_tree.Element("figcaption", {}, following.children))
