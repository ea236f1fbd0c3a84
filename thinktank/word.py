"""A checked Word document (thinktank.docx) as a body: mammoth's HTML, its footnotes and
endnotes as inline notes, its images as figures (through the caller's image handler),
sanitized; and what could not come along, listed. See docs/word-import.md."""

import itertools
import logging
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from thinktank import docx_contents, html_tree
from thinktank.docx import not_a_docx
from thinktank.footnotes import notes_from_footnotes
from thinktank.html import sanitize_html
from thinktank.html_tree import Element, serialize, text_of

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
        "p[style-name='Title'] => h1:fresh",
        "p.Title => h1:fresh",
        "p[style-name='Caption'] => figcaption:fresh",
        "p.Caption => figcaption:fresh",
    ]
)
IMAGE_SOURCE = "word-image/"  # a relative address: kept by any cleaning on the way
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
    # Imported at the first conversion: it stays out of the web workers' memory
    # (tests/thinktank/test_worker_imports.py).
    import mammoth  # noqa: PLC0415

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
    root = html_tree.parse(notes_from_footnotes(result.value))
    conversion.title = _take_title(root) or docx_contents.core_title(document)
    if not conversion.title:
        conversion.title = next(
            (text_of(element).strip() for element in root.elements() if element.tag in HEADINGS),
            "",
        )
    _unwrap_anchors(root)
    conversion.figures = _figures(root, found)
    conversion.lead = _lead(root)
    conversion.body = sanitize_html(serialize(root))
    conversion.unsupported = docx_contents.unsupported(document) + conversion.unsupported
    return conversion


HEADINGS = {"h2", "h3", "h4", "h5", "h6"}


def _lead(root):
    """The text of the first paragraph with any, without its notes."""
    for element in root.elements():
        if element.tag == "p" and text_of(element).strip():
            return "".join(
                text_of(child)
                for child in element.children
                if not (isinstance(child, Element) and child.has("data-note"))
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


def _take_title(root):
    """The text of the document's Title paragraph, taken out of the body; a later one
    stays as a heading."""
    title = ""
    for element in list(root.elements()):
        if element.tag == "h1":
            if not title and element.parent is root and text_of(element).strip():
                title = text_of(element).strip()
                element.replace_with()
            else:
                element.tag = "h2"
    return title


def _unwrap_anchors(root):
    """Bookmarks (anchors without an address) and links inside the document (their
    targets' ids are not kept) become their text."""
    for element in list(root.elements()):
        href = element.get("href")
        if element.tag == "a" and element.parent is not None and (not href or href[0] == "#"):
            element.unwrap()


# --- figures -----------------------------------------------------------------------------


def _element(tag, attrs, children):
    element = Element(tag, attrs, list(children))
    for child in element.children:
        if isinstance(child, Element):
            child.parent = element
    return element


def _index(parent, child):
    return next(index for index, node in enumerate(parent.children) if node is child)


def _split(element, path):
    """(before, after): `element`'s content either side of path[-1], split down `path`."""
    child = path[0]
    index = _index(element, child)
    before, after = element.children[:index], element.children[index + 1 :]
    if len(path) == 1:
        return before, after
    inner_before, inner_after = _split(child, path[1:])
    return (
        [*before, _element(child.tag, child.attrs, inner_before)],
        [_element(child.tag, child.attrs, inner_after), *after],
    )


def _is_empty(node):
    if isinstance(node, str):
        return not node.strip()
    return not text_of(node).strip() and not any(
        element.tag in html_tree.VOID for element in node.elements()
    )


def _figures(root, found):
    """Each placeholder image as a figure of its library image, lifted out of the
    paragraph (or heading, link, ...) it was in, with the Caption paragraph after it as
    its caption. The image ids, in order."""
    figures = []
    placeholders = [
        element
        for element in root.elements()
        if element.tag == "img" and (element.get("src") or "").startswith(IMAGE_SOURCE)
    ]
    for image in placeholders:
        image_id = found[int(image.get("src").removeprefix(IMAGE_SOURCE))]
        figures.append(image_id)
        figure = Element("figure", [("data-image", str(image_id)), ("data-size", "full")])
        block, chain = image, [image]
        while block.parent.tag in PHRASING:
            block = block.parent
            chain.insert(0, block)
        container = block.parent
        if block is image:
            image.replace_with(figure)
        else:
            before, after = _split(block, chain[1:])
            pieces = [
                _element(block.tag, block.attrs, before),
                figure,
                _element(block.tag, block.attrs, after),
            ]
            block.replace_with(
                *[piece for piece in pieces if piece is figure or not _is_empty(piece)]
            )
        _caption(container, figure)
    for element in root.elements():
        if element.tag == "figcaption" and element.parent.tag != "figure":
            element.tag = "p"  # a Caption paragraph with no image before it
    return figures


def _caption(container, figure):
    """The Caption paragraph right after `figure` becomes its figcaption."""
    after = container.children[_index(container, figure) + 1 :]
    following = next(
        (node for node in after if not _is_empty(node) or isinstance(node, Element)), None
    )
    if isinstance(following, Element) and following.tag == "figcaption":
        following.replace_with()
        following.parent = figure
        figure.children.append(following)
