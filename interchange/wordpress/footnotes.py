"""Footnote plugins' markup as the project's inline notes, `<span data-note="">text</span>`
at the point of reference (docs/notes.md):
- shortcodes, read before wpautop: Easy Footnotes `[efn_note]...[/efn_note]`, Modern
  Footnotes `[mfn]...[/mfn]`, the common `[footnote]...[/footnote]`, and Footnotes Made
  Easy's `((...))`;
- HTML, read on the tree after it: a reference (`<sup class="footnote"><a href="#fn1">`,
  or a link to the note holding a <sup>) whose note is an element with that id inside a
  list or block whose class names footnotes (`<ol class="footnotes"><li id="fn1">`), and
  WordPress's own footnotes (6.3+: `<sup data-fn="<uuid>">`, the texts in the post's
  `footnotes` meta, JSON). The note's back links and the emptied list are removed."""

import json
import re

from interchange.wordpress.shortcodes import is_escaped, shortcode_pattern
from thinktank.html_tree import Element, parse, text_of
from thinktank.notes import NOTE_ATTRIBUTE, flatten_note_content

NOTE_SHORTCODES = ["efn_note", "mfn", "footnote"]
_NOTE_SHORTCODE = shortcode_pattern(NOTE_SHORTCODES)
# Footnotes Made Easy: " ((text))", within one paragraph, not three parentheses deep;
# the space before it is the plugin's opening mark's own, not the text's.
_DOUBLE_PARENTHESES = re.compile(
    r"(?<![( \t])[ \t]*\(\((?!\()((?:(?!\n\s*\n).)+?)\)\)(?!\))", re.DOTALL
)
_NOTE_CLASS = re.compile(r"foot-?notes?|(?:^|\s)fn(?:\s|$)", re.IGNORECASE)
_NOTE_ID = re.compile(r"^(?:fn|footnote|note)[-:_]?\d+$", re.IGNORECASE)
_BACK_TEXT = {"↩", "↩︎", "↑", "^", "return", "back", "[return]", "⤴"}


def _span(content):
    """The note's HTML: its text on one line (a newline would become a <br>)."""
    content = re.sub(r"\s*\n\s*", " ", content).strip()
    return f'<span {NOTE_ATTRIBUTE}="">{content}</span>' if content else ""


def notes_from_shortcodes(text):
    """`text` with the footnote shortcodes and ((...)) replaced by notes."""

    def replace(match):
        return match.group(0) if is_escaped(match) else _span(match.group(5) or "")

    text = _NOTE_SHORTCODE.sub(replace, text)
    return _DOUBLE_PARENTHESES.sub(lambda match: _span(match.group(1)) or match.group(0), text)


def core_footnotes(meta_value):
    """{id: HTML} of WordPress's `footnotes` post meta (JSON); {} when it is not that."""
    try:
        notes = json.loads(meta_value or "[]")
    except ValueError:
        return {}
    if not isinstance(notes, list):
        return {}
    return {
        str(note["id"]): str(note.get("content", ""))
        for note in notes
        if isinstance(note, dict) and note.get("id")
    }


def _in_note_list(element):
    for node in (element, *element.ancestors()):
        if _NOTE_CLASS.search(node.get("class", "")) and node.tag != "sup":
            return True
    return bool(_NOTE_ID.match(element.get("id", ""))) and element.tag == "li"


def _is_back_link(element, reference_ids):
    if element.tag != "a":
        return False
    href = element.get("href", "")
    return (href.startswith("#") and href[1:] in reference_ids) or (
        text_of(element).strip().lower() in _BACK_TEXT
    )


def _note_element(children):
    span = Element("span", [(NOTE_ATTRIBUTE, "")], [])
    for child in children:
        if isinstance(child, Element):
            child.parent = span
        span.children.append(child)
    flatten_note_content(span)
    if span.children and isinstance(span.children[-1], str):
        span.children[-1] = span.children[-1].rstrip()
    return span


def _reference_of(link):
    """The element that stands for the reference: the <sup> around the link, or the link."""
    if link.parent is not None and link.parent.tag == "sup":
        return link.parent
    return link


def notes_from_html(root, core=None):
    """Rewrite the tree `root`: each footnote reference becomes a note holding its
    footnote's text; the footnotes it used, and the lists left empty, are removed.
    `core`: WordPress's own footnotes ({id: HTML}, from core_footnotes)."""
    core = core or {}
    for sup in [element for element in root.elements() if element.tag == "sup"]:
        if sup.get("data-fn") in core and sup.parent is not None:
            sup.replace_with(_note_element(parse(core[sup.get("data-fn")]).children))
    by_id = {element.get("id"): element for element in root.elements() if element.get("id")}
    used = []
    for link in [element for element in root.elements() if element.tag == "a"]:
        href = link.get("href", "")
        note = by_id.get(href[1:]) if href.startswith("#") else None
        if note is None or link.parent is None or not _in_note_list(note) or note in used:
            continue
        if _in_note_list(link):
            continue  # a link inside the notes themselves (a back link)
        reference = _reference_of(link)
        reference_ids = {reference.get("id", ""), link.get("id", "")} - {""}
        for back in [
            element for element in note.elements() if _is_back_link(element, reference_ids)
        ]:
            back.replace_with()
        children = note.children
        if len(children) == 1 and isinstance(children[0], Element) and children[0].tag == "p":
            children = children[0].children
        reference.replace_with(_note_element(list(children)))
        used.append(note)
    for note in used:
        if note.parent is not None:
            note.replace_with()
    _remove_empty_lists(root)


def _remove_empty_lists(root):
    """Footnote lists and blocks left with nothing but spaces, rules and headings."""
    for element in reversed(list(root.elements())):
        if element.parent is None or not (
            _NOTE_CLASS.search(element.get("class", ""))
            or element.tag in ("ol", "ul")
            and _in_note_list(element)
        ):
            continue
        rest = [
            child
            for child in element.children
            if isinstance(child, Element)
            and child.tag not in ("hr", "h2", "h3", "h4", "br")
            or isinstance(child, str)
            and child.strip()
        ]
        if not rest:
            element.replace_with()
