"""Sanitizing editors' HTML with nh3, so pages render it with |safe. See docs/rich-text.md."""

import posixpath
from urllib.parse import unquote, urlsplit

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from thinktank.footnotes import notes_from_footnotes
from thinktank.html_offsets import OffsetParser, first_attributes
from thinktank.languages import COUNTING_DIGITS
from thinktank.links import ATTRIBUTE as LINK_ATTRIBUTE
from thinktank.links import is_reference
from thinktank.notes import normalize_notes

ALLOWED_TAGS = {
    "h2", "h3", "h4", "h5", "h6",
    "p", "br", "hr", "div", "span",
    "a",
    "ul", "ol", "li",
    "blockquote", "q", "cite",
    "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark", "abbr", "code", "pre",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
    "figure", "figcaption", "img",
}  # fmt: skip

ALLOWED_ATTRIBUTES = {
    # An internal link, <a data-link="article:42">: see thinktank/links.py.
    "a": {"href", "title", "hreflang", LINK_ATTRIBUTE},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    # A note, at the point of its reference (thinktank/notes.py, docs/notes.md).
    "span": {"data-note"},
    "colgroup": {"span"},
    "ol": {"start", "reversed"},
    # A library figure, <figure data-image="42" data-size="full">: see FIGURE_ATTRIBUTE_VALUES.
    "figure": {"data-image"},
    # Mixed-direction text (an English name inside Arabic) needs `dir` and `lang`.
    "*": {"dir", "lang"},
}

ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Attributes kept only with one of these values (nh3's tag_attribute_values).
FIGURE_ATTRIBUTE_VALUES = {"figure": {"data-size": {"full", "inline"}}}


def _attribute_filter(tag, attribute, value):
    """A figure keeps data-image (an image's id: ASCII digits) and data-size only; a
    link keeps data-link only as a reference to a registered kind (thinktank/links.py)."""
    if tag == "a" and attribute == LINK_ATTRIBUTE:
        return value if is_reference(value) else None
    if tag != "figure":
        return value
    if attribute == "data-image":
        return value if value.isascii() and value.isdigit() and len(value) <= 18 else None
    if attribute == "data-size":  # exactly, where nh3's own check ignores the case
        return value if value in FIGURE_ATTRIBUTE_VALUES["figure"]["data-size"] else None
    return None


# The rich-text editor's toolbar: the same allowlist, as buttons.
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
    "HTML": True,
    "SpecialCharacters": True,
}


def note_extension():
    """The editor's note tool (static/js/editor-note.js) with its labels translated."""
    return {
        "digits": COUNTING_DIGITS,
        "labels": {
            "button": gettext_lazy("Insert a note (Ctrl+Alt+N)"),
            "insert": gettext_lazy("New note"),
            "edit": pgettext_lazy("the editor's dialog of one note", "Note"),
            "marker": pgettext_lazy("a note's marker in the editor, before its number", "Note"),
            "help": gettext_lazy(
                "The note's text, shown numbered in the Notes at the end of the article. "
                "Enter saves it."
            ),
            "formatting": gettext_lazy("Formatting"),
            "italic": gettext_lazy("Italic"),
            "bold": gettext_lazy("Bold"),
            "link": gettext_lazy("Link"),
            "save": gettext_lazy("Save the note"),
            "cancel": gettext_lazy("Cancel"),
            "remove": gettext_lazy("Remove the note"),
        },
    }


def rich_text_widget(*, notes=False, extensions=None):
    """The admin's rich-text editor, configured with EDITOR_EXTENSIONS (and with the note
    tool for `notes`: article bodies), and the apps' own `extensions` ({name: options},
    their scripts named in DJANGO_PROSE_EDITOR_EXTENSIONS: the figure tool)."""
    from django_prose_editor.widgets import AdminProseEditorWidget

    configured = {**EDITOR_EXTENSIONS, **({"Note": note_extension()} if notes else {})}
    configured.update(extensions or {})
    return AdminProseEditorWidget(preset="configurable", config={"extensions": configured})


def media_prefix():
    """What every upload's address starts with: MEDIA_URL or the storage's absolute one."""
    probe = "probe.jpg"
    url = default_storage.url(probe)  # no network: storages build addresses locally
    return url.removesuffix(probe) if url.endswith(probe) else settings.MEDIA_URL


def _has_odd_characters(text, *, spaces=True):
    """Backslashes, control characters (and `spaces`): browsers read them their own way."""
    return any(
        char == "\\" or ord(char) < 0x20 or ord(char) == 0x7F or (spaces and char.isspace())
        for char in text
    )


def is_media_url(src):
    """Whether `src` names a file of the media storage, read as a browser resolves it."""
    src = src.strip()
    prefix = urlsplit(media_prefix())
    if _has_odd_characters(src):
        return False
    url = urlsplit(src)
    if (url.scheme, url.netloc.lower()) != (prefix.scheme, prefix.netloc.lower()):
        return False
    path = unquote(url.path)
    if _has_odd_characters(path, spaces=False) or path.startswith("//"):
        return False
    return posixpath.normpath(path).startswith(prefix.path)


class _Images(OffsetParser):
    """The <img> start tags of a document: (offset, tag text, attributes)."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.images = []
        self.read(html)

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append((self.position(), self.get_starttag_text(), first_attributes(attrs)))

    handle_startendtag = handle_starttag


def outside_images(html):
    """The sources (src, srcset) of the <img> elements of `html` that are not media."""
    sources = []
    for _offset, _text, attrs in _Images(html or "").images:
        candidates = [attrs.get("src") or ""]
        srcset = attrs.get("srcset") or ""
        candidates += [item.strip().split(" ")[0] for item in srcset.split(",") if item.strip()]
        sources += [source for source in candidates if not is_media_url(source)]
    return list(dict.fromkeys(sources))


def validate_rich_text_images(html):
    """Refuse rich text showing an image that is not one of the site's uploads."""
    errors = [
        ValidationError(
            _(
                "The image %(source)s is not one of this site's uploads, and pages do not "
                "show images from elsewhere: upload it here and use its address (starting "
                "with %(media)s), or remove it."
            )
            % {"source": Truncator(source or '""').chars(100), "media": media_prefix()},
            code="outside_image",
        )
        for source in outside_images(html)
    ]
    if errors:
        raise ValidationError(errors)


def _without_outside_images(html):
    """`html` (as nh3 writes it) without the <img> elements whose src is not media."""
    kept, end = [], 0
    for offset, text, attrs in _Images(html).images:
        if html[offset : offset + len(text)] != text:  # not expected: then no image at all
            return _clean(html, ALLOWED_TAGS - {"img"})
        if not is_media_url(attrs.get("src") or ""):
            kept.append(html[end:offset])
            end = offset + len(text)
    return "".join(kept) + html[end:]


def sanitize_html(html):
    """`html` without what is outside the allowlist, nor images that are not uploads;
    pasted footnotes become notes, and notes are kept well-formed (docs/notes.md)."""
    if not html:
        return ""
    cleaned = _without_outside_images(_clean(notes_from_footnotes(html), ALLOWED_TAGS))
    # A note given back as text where notes may not stand (a heading) leaves its blocks
    # nested as no parser keeps them (<h2> <h2>a</h2></h2>): parsed again until stable,
    # so that a second save changes nothing.
    for _attempt in range(3):
        normalized = normalize_notes(cleaned)
        if normalized == cleaned:
            break
        cleaned = _clean(normalized, ALLOWED_TAGS)
    return cleaned.strip()


def _clean(html, tags):
    return nh3.clean(
        html,
        tags=tags,
        attributes=ALLOWED_ATTRIBUTES,
        tag_attribute_values=FIGURE_ATTRIBUTE_VALUES,
        attribute_filter=_attribute_filter,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


class SanitizedHTMLField(models.TextField):
    """A TextField sanitized on every save; QuerySet.update() bypasses it."""

    default_validators = [validate_rich_text_images]

    def formfield(self, **kwargs):
        """A form field refusing outside images, also where a form declares it alone."""
        field = super().formfield(**kwargs)
        if validate_rich_text_images not in field.validators:
            field.validators.append(validate_rich_text_images)
        return field

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value
