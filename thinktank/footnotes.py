"""Footnotes and endnotes of Word, Google Docs, LibreOffice and mammoth as inline notes:
one set of rules for a paste (the sanitizer applies them on save), a Word import and any
other importer. The editor applies the same rules to a paste at once
(static/js/pasted-footnotes.js): a change here is a change there. See docs/notes.md."""

import re

import nh3

from thinktank.html_tree import Element, Raw, parse, serialize, text_of
from thinktank.notes import NOTE_ATTRIBUTE, flatten_note_content

# A reference points at its note (href="#<kind><n>"); the note links back to it
# (href="#<back><n>"). Only the hrefs are read: an editor's paste keeps them, while
# the ids and names may be gone.
#   Word:         <a href="#_ftn1" name="_ftnref1">[1]</a>
#                 ... <div id=ftn1><p><a href="#_ftnref1" name="_ftn1">[1]</a> text</p></div>
#                 (endnotes: _edn1 / _ednref1)
#   Google Docs:  <sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup>
#                 ... <div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a> text</p></div>
#   mammoth:      <sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>
#                 ... <li id="footnote-1"><p>text <a href="#footnote-ref-1">↑</a></p></li>
#                 (endnotes: endnote-1 / endnote-ref-1)
#   LibreOffice:  <a href="#sdfootnote1sym" name="sdfootnote1anc"><sup>1</sup></a>
#                 ... <div id="sdfootnote1"><p><a href="#sdfootnote1anc">1</a>text</p></div>
#                 (endnotes: sdendnote1sym / sdendnote1anc)
KINDS = {
    "_ftnref": "_ftn",
    "_ednref": "_edn",
    "ftnt_ref": "ftnt",
    "footnote-ref-": "footnote-",
    "endnote-ref-": "endnote-",
}
# LibreOffice numbers in the middle: #sdfootnote1sym, back #sdfootnote1anc.
REFERENCE = re.compile(
    r"#(?:(_ftn|_edn|ftnt|footnote-|endnote-)(\d+)|(sdfootnote|sdendnote)(\d+)sym)", re.ASCII
)
BACK_LINK = re.compile(
    r"#(?:(_ftnref|_ednref|ftnt_ref|footnote-ref-|endnote-ref-)(\d+)|(sdfootnote|sdendnote)(\d+)anc)",
    re.ASCII,
)
_ANY = re.compile(
    r"""href\s*=\s*["']?#(_ftn|_edn|ftnt|footnote-|endnote-|sd(foot|end)note\d)""", re.IGNORECASE
)
# Word wraps each note in <div id="ftn1">, LibreOffice in <div id="sdfootnote1">;
# mammoth in <li id="footnote-1">.
_WORD_NOTE = re.compile(r"(ftn|edn)\d+|sd(foot|end)note\d+", re.ASCII)
_EMPTY_WRAPPERS = {"div", "ol", "ul", "section", "p", "span", "sup"}
# An inline wrapper holding a space parts two words (Google Docs' runs): kept.
_INLINE_WRAPPERS = {"span", "sup"}

_ATTRIBUTES = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
_ATTRIBUTES["*"] = {"id", "name", "dir", "lang", "title"}
_ATTRIBUTES["a"] = _ATTRIBUTES.get("a", set()) | {"href", "name", "id", "title"}
# Google Docs writes italics and bold as a <span>'s style (read, then dropped on save).
_ATTRIBUTES["span"] = _ATTRIBUTES.get("span", set()) | {"style"}
_ITALIC = re.compile(r"(^|;)\s*font-style\s*:\s*italic\b", re.IGNORECASE)
_BOLD = re.compile(r"(^|;)\s*font-weight\s*:\s*(bold|[6-9]00)\b", re.IGNORECASE)


def _key(element, pattern):
    match = pattern.fullmatch((element.get("href") or "").strip())
    if not match:
        return None
    kind, number = (group for group in match.groups() if group is not None)
    return KINDS.get(kind, kind), int(number)


def _note_of(back_link):
    """The element holding the note whose back link is `back_link`."""
    ancestors = list(back_link.ancestors())
    for ancestor in ancestors:
        if ancestor.tag == "li":
            return ancestor
    for ancestor in ancestors:
        if ancestor.tag == "div" and _WORD_NOTE.fullmatch(ancestor.get("id") or ""):
            return ancestor
    return next((ancestor for ancestor in ancestors if ancestor.tag in ("p", "div")), None)


def _emphasis_from_styles(element):
    """Under `element`, the text of a <span> styled italic or bold in <em> or <strong>."""
    for span in list(element.elements()):
        if span.tag != "span":
            continue
        style = span.get("style") or ""
        for tag, pattern in (("em", _ITALIC), ("strong", _BOLD)):
            if pattern.search(style):
                wrapper = Element(tag, children=span.children, parent=span)
                for child in wrapper.children:
                    if isinstance(child, Element):
                        child.parent = wrapper
                span.children = [wrapper]


def _trim(children):
    """`children` without the spaces (no-break ones too) at their start and end."""
    children = list(children)
    while children and isinstance(children[0], str) and not children[0].strip():
        children.pop(0)
    if children and isinstance(children[0], str):
        children[0] = children[0].lstrip()
    while children and isinstance(children[-1], str) and not children[-1].strip():
        children.pop()
    if children and isinstance(children[-1], str):
        children[-1] = children[-1].rstrip()
    return children


def _collapse_spaces(element):
    """Runs of spaces (line breaks, no-break spaces) under `element` as one space."""
    for index, child in enumerate(element.children):
        if isinstance(child, str):
            element.children[index] = re.sub(r"\s+", " ", child)
        else:
            _collapse_spaces(child)


def _prune(root):
    """Remove the wrappers the notes leave empty, and the rule (and breaks) that parted
    the notes from the text when nothing but space follows it."""
    changed = True
    while changed:
        changed = False
        for element in list(root.elements()):
            if element.parent is None:
                continue
            text = text_of(element)
            empty = not (text if element.tag in _INLINE_WRAPPERS else text.strip()) and not any(
                child.tag == "img" for child in element.elements()
            )
            if element.tag in _EMPTY_WRAPPERS and empty:
                element.replace_with()
                changed = True
    order = []

    def walk(node):
        for child in node.children:
            order.append(child)
            if isinstance(child, Element):
                walk(child)

    walk(root)
    for index, node in enumerate(order):
        if isinstance(node, Element) and node.tag in ("hr", "br") and node.parent is not None:
            rest = order[index + 1 :]
            if not "".join(item for item in rest if isinstance(item, str)).strip() and not any(
                isinstance(item, Element) and item.tag == "img" for item in rest
            ):
                node.replace_with()


def notes_from_footnotes(markup):
    """`markup` with the footnotes and endnotes of Word, Google Docs or mammoth turned
    into inline notes (<span data-note="">) at their references, their list at the end
    removed. A reference with no note, or a note with no reference, is left as it is."""
    if not markup or not _ANY.search(markup):
        return markup
    root = parse(nh3.clean(markup, tags=nh3.ALLOWED_TAGS, attributes=_ATTRIBUTES))
    references = {}
    back_links = {}
    for element in root.elements():
        if element.tag != "a":
            continue
        if key := _key(element, REFERENCE):
            references.setdefault(key, []).append(element)
        elif key := _key(element, BACK_LINK):
            back_links.setdefault(key, element)
    converted = False
    for key, back_link in back_links.items():
        holder = _note_of(back_link)
        if key not in references or holder is None:
            continue
        if any(holder is ancestor for ref in references[key] for ancestor in ref.ancestors()):
            continue  # the "note" holds its own reference: not a note
        converted = True
        back_link.replace_with()
        _emphasis_from_styles(holder)
        note = Element("span", [(NOTE_ATTRIBUTE, "")], holder.children)
        flatten_note_content(note)
        _collapse_spaces(note)
        content = serialize(Element("#root", children=_trim(note.children)))
        holder.replace_with()
        for reference in references.pop(key):
            target = reference
            parent = reference.parent
            if parent.tag == "sup" and text_of(parent).strip() == text_of(reference).strip():
                target = parent
            target.replace_with(Raw(f'<span {NOTE_ATTRIBUTE}="">{content}</span>'))
    if not converted:
        return markup
    _prune(root)
    return serialize(root)
