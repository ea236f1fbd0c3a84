"""Endnotes in rich text: stored inline as <span data-note="">text</span> at the point of
the reference, kept well-formed by the sanitizer (normalize_notes), numbered in order
of appearance when a page is rendered (numbered_notes), and read apart from the body
by search (split_notes). See docs/notes.md."""

from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext

from thinktank.html_tree import Element, Raw, inner_html, parse, serialize, text_of
from thinktank.languages import counting_digits

NOTE_ATTRIBUTE = "data-note"
# What a note may hold: text with links and emphasis.
NOTE_CONTENT_TAGS = {"a", "em", "i", "strong", "b"}
# Where a note may stand: in running text.
NOTE_PLACES = {"p", "li", "td", "th", "blockquote"}
# Where it may not, even inside running text: a heading, a link (a link in a link), a
# caption, code, a superscript or subscript (the reference is a superscript itself).
NO_NOTES_INSIDE = {
    "h2", "h3", "h4", "h5", "h6", "a", "figcaption", "caption", "pre", "code", "sup", "sub",
}  # fmt: skip
# Elements whose end separates words: their text is kept, parted by a space.
_BLOCKS = {
    "p", "div", "li", "ul", "ol", "blockquote", "h2", "h3", "h4", "h5", "h6", "br", "hr",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "figure", "figcaption", "pre",
}  # fmt: skip


def is_note(node):
    return isinstance(node, Element) and node.tag == "span" and node.has(NOTE_ATTRIBUTE)


def _may_hold_a_note(element):
    """Whether a note may stand where `element` is (outside any other note)."""
    tags = [ancestor.tag for ancestor in element.ancestors()]
    if NO_NOTES_INSIDE.intersection(tags) or any(map(is_note, element.ancestors())):
        return False
    return bool(NOTE_PLACES.intersection(tags))


def flatten_note_content(element):
    """Keep only NOTE_CONTENT_TAGS under `element`: other elements (a note inside, a
    paragraph, a list) give their text, blocks parted by a space."""
    for child in list(element.children):
        if not isinstance(child, Element):
            continue
        flatten_note_content(child)
        if child.tag in NOTE_CONTENT_TAGS and not (child.tag == "a" and child.parent.tag == "a"):
            continue
        if child.tag in _BLOCKS:
            child.children = [" ", *child.children, " "]
        child.unwrap()


def normalize_notes(markup):
    """`markup` (sanitized) with every note well-formed: `<span data-note="">` holding
    text, links and emphasis only, in running text. A note in a note, or outside running
    text (a heading, a caption, a link, the top level), gives its text in its place; an
    empty note is dropped."""
    if NOTE_ATTRIBUTE not in markup:
        return markup
    root = parse(markup)
    for element in list(root.elements()):
        if not is_note(element) or element.parent is None:
            continue
        if _may_hold_a_note(element):
            flatten_note_content(element)
            if text_of(element).strip():
                element.attrs = [(NOTE_ATTRIBUTE, "")]
            else:
                element.replace_with()
        else:
            element.children = [" ", *element.children]
            element.attrs = []
            element.unwrap()
    return serialize(root)


@dataclass(frozen=True)
class Note:
    """A numbered note: `number` (1, 2, ...), `label` (the number in the language's
    digits), `html` (its text, safe), and the ids of the note and of its reference."""

    number: int
    label: str
    html: SafeString

    @property
    def id(self):
        return f"note-{self.number}"

    @property
    def reference_id(self):
        return f"note-ref-{self.number}"


def _reference(note):
    label = pgettext("a note's reference", "Note %(number)s") % {"number": note.label}
    return format_html(
        '<sup class="note-ref"><a href="#{}" id="{}" role="doc-noteref" aria-label="{}">'
        "{}</a></sup>",
        note.id,
        note.reference_id,
        label,
        note.label,
    )


def numbered_notes(markup, language):
    """(`markup` with each note replaced by its numbered reference, [Note, ...]): the
    notes numbered 1, 2, ... in order of appearance, written in `language`'s digits."""
    if NOTE_ATTRIBUTE not in (markup or ""):
        return mark_safe(markup or ""), []  # noqa: S308 - stored sanitized
    root = parse(markup)
    notes = []
    for element in [element for element in root.elements() if is_note(element)]:
        number = len(notes) + 1
        note = Note(number, counting_digits(number, language), mark_safe(inner_html(element)))  # noqa: S308 - stored sanitized
        notes.append(note)
        element.replace_with(Raw(_reference(note)))
    return mark_safe(serialize(root)), notes  # noqa: S308 - stored sanitized


def split_notes(markup):
    """(`markup` without its notes, [each note's HTML]): the body's own text and the
    notes' apart, for search."""
    if NOTE_ATTRIBUTE not in (markup or ""):
        return markup or "", []
    root = parse(markup)
    notes = []
    for element in [element for element in root.elements() if is_note(element)]:
        notes.append(inner_html(element))
        element.replace_with(" ")
    return serialize(root), notes
