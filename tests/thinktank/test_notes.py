"""
Notes in rich text (thinktank/notes.py, through thinktank/html.py's sanitizer): whatever
an editor, a paste or an importer sends, a stored note is `<span data-note="">` holding
text, links and emphasis, in running text, never in another note; its text is never
lost. Pages number the notes in order of appearance, in the language's digits.
"""

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from thinktank.html import sanitize_html
from thinktank.html_tree import Element, parse, text_of
from thinktank.languages import counting_digits
from thinktank.notes import (
    NO_NOTES_INSIDE,
    NOTE_CONTENT_TAGS,
    NOTE_PLACES,
    is_note,
    numbered_notes,
    split_notes,
)

WORDS = st.sampled_from(["alpha", "beta", "gamma", "دولة", "سند", "نفت", "Zeta & co", "<x>"])
TAGS = st.sampled_from(
    ["p", "li", "h2", "h3", "blockquote", "td", "a", "em", "i", "strong", "b", "span", "sup",
     "figcaption", "div", "code", "ul", "note", "note", "note"]
)  # fmt: skip


def _render(tree):
    """HTML for a generated tree: ("text") or (tag, [children]); "note" is a note."""
    if isinstance(tree, str):
        return tree.replace("&", "&amp;").replace("<", "&lt;")
    tag, children = tree
    inner = "".join(_render(child) for child in children)
    if tag == "note":
        return f'<span data-note="x">{inner}</span>'
    if tag == "a":
        return f'<a href="https://example.org/s">{inner}</a>'
    if tag == "td":
        return f"<table><tr><td>{inner}</td></tr></table>"
    return f"<{tag}>{inner}</{tag}>"


TREES = st.recursive(
    WORDS,
    lambda children: st.tuples(TAGS, st.lists(children, min_size=1, max_size=4)),
    max_leaves=12,
)
BODIES = st.lists(TREES, min_size=1, max_size=4).map(
    lambda trees: "".join(_render(tree) for tree in trees)
)


def _letters(text):
    """The text's letters, in order: flattening a note may add spaces, nothing else."""
    return "".join(re.findall(r"\w+", text))


def _notes(markup):
    return [element for element in parse(markup).elements() if is_note(element)]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(BODIES)
# Found by Hypothesis: a note given back as text in a heading, its heading nested.
@example('<h2><span data-note="x"><h2>alpha</h2></span></h2>')
def test_stored_notes_are_well_formed_and_no_text_is_lost(body):
    stored = sanitize_html(body)
    for note in _notes(stored):
        assert note.attrs == [("data-note", "")]
        assert text_of(note).strip(), "an empty note is dropped"
        inside = {element.tag for element in note.elements()}
        assert inside <= NOTE_CONTENT_TAGS, inside
        tags = [ancestor.tag for ancestor in note.ancestors()]
        assert NOTE_PLACES.intersection(tags), tags
        assert not NO_NOTES_INSIDE.intersection(tags), tags
        assert not any(map(is_note, note.ancestors()))
    # The words of every note (kept, or flattened into the text) are still there.
    assert _letters(text_of(parse(stored))) == _letters(
        text_of(parse(sanitize_html_without_notes(body)))
    )
    # Stored text is stable: saving it again changes nothing.
    assert sanitize_html(stored) == stored


def sanitize_html_without_notes(body):
    """The body's text as the sanitizer keeps it, notes read as plain text."""
    return sanitize_html(body.replace('<span data-note="x">', "<span>"))


@settings(max_examples=200, deadline=None)
@given(BODIES, st.sampled_from(["en", "ar", "fa"]))
def test_notes_are_numbered_in_order_of_appearance(body, language):
    stored = sanitize_html(body)
    texts = [text_of(note) for note in _notes(stored)]
    html, notes = numbered_notes(stored, language)
    assert [note.number for note in notes] == list(range(1, len(texts) + 1))
    assert [text_of(parse(note.html)) for note in notes] == texts
    page = parse(html)
    references = [e for e in page.elements() if e.tag == "a" and e.get("role") == "doc-noteref"]
    assert [(a.get("href"), a.get("id")) for a in references] == [
        (f"#note-{n}", f"note-ref-{n}") for n in range(1, len(texts) + 1)
    ]
    assert [text_of(a) for a in references] == [note.label for note in notes]
    assert not _notes(html)


def test_moving_text_renumbers_the_notes():
    first = '<p>Oil<span data-note="">Source on oil.</span></p>'
    second = '<p>Gas<span data-note="">Source on <em>gas</em>.</span></p>'
    _html, notes = numbered_notes(first + second, "en")
    assert [(n.number, n.html) for n in notes] == [
        (1, "Source on oil."),
        (2, "Source on <em>gas</em>."),
    ]
    _html, notes = numbered_notes(second + first, "en")
    assert [(n.number, n.html) for n in notes] == [
        (1, "Source on <em>gas</em>."),
        (2, "Source on oil."),
    ]


def test_numbers_are_in_the_languages_digits():
    body = "<p>" + "".join(f'w{n}<span data-note="">n{n}</span>' for n in range(1, 13)) + "</p>"
    for language, twelve in (("en", "12"), ("ar", "١٢"), ("fa", "۱۲"), ("ar-eg", "١٢")):
        html, notes = numbered_notes(body, language)
        assert notes[11].label == twelve == counting_digits(12, language)
        assert f">{twelve}</a></sup>" in html
        assert 'href="#note-12"' in html  # the addresses stay ASCII


def test_the_reference_has_an_accessible_name():
    html, _notes = numbered_notes('<p>a<span data-note="">b</span></p>', "en")
    link = next(e for e in parse(html).elements() if e.tag == "a")
    assert link.get("aria-label") == "Note 1"
    assert link.parent.tag == "sup" and link.parent.get("class") == "note-ref"


def test_sanitizer_keeps_a_note_with_links_and_emphasis():
    body = (
        '<p>Text<span data-note="">See <a href="https://example.org/r">the <i>report</i></a>, '
        "<strong>p. 4</strong>.</span> more.</p>"
    )
    assert sanitize_html(body) == body.replace(
        '<a href="https://example.org/r">',
        '<a href="https://example.org/r" rel="noopener noreferrer">',
    )


def test_sanitizer_flattens_what_a_note_may_not_be():
    # A note in a note gives its text to the outer note.
    assert sanitize_html('<p>a<span data-note="">b <span data-note="1">c</span></span></p>') == (
        '<p>a<span data-note="">b c</span></p>'
    )
    # Block content inside a note becomes text, parted by spaces.
    assert sanitize_html(
        '<ul><li>a<span data-note=""><ul><li>x</li><li>y</li></ul></span></li></ul>'
    ) == ('<ul><li>a<span data-note="">  x  y  </span></li></ul>')
    # A note in a heading, a caption or outside running text gives its text in place.
    assert sanitize_html('<h2>Title<span data-note="">n</span></h2>') == "<h2>Title n</h2>"
    assert sanitize_html('<span data-note="">alone</span>') == "alone"
    # Attributes other than data-note go; an empty note goes.
    assert sanitize_html('<p>a<span data-note="q" dir="rtl" class="x">b</span></p>') == (
        '<p>a<span data-note="">b</span></p>'
    )
    assert sanitize_html('<p>a<span data-note=""> <em></em></span>.</p>') == "<p>a.</p>"
    # Anything hostile inside a note is cleaned like anywhere else.
    assert sanitize_html(
        '<p>a<span data-note="">b<script>x()</script><img src=x onerror=y()></span></p>'
    ) == ('<p>a<span data-note="">b</span></p>')


def test_split_notes_parts_the_body_from_its_notes():
    body, notes = split_notes('<p>Body <span data-note="">note <em>one</em></span>words.</p>')
    assert body == "<p>Body  words.</p>"
    assert notes == ["note <em>one</em>"]
    assert split_notes("<p>No notes.</p>") == ("<p>No notes.</p>", [])


def test_tree_round_trip_is_exact_on_sanitized_html():
    stored = sanitize_html(
        '<p>x&nbsp;&amp; "q" <a href="https://e.org/?a=1&amp;b=2">l</a><br>y</p>'
    )
    root = parse(stored)
    assert isinstance(root, Element)
    from thinktank.html_tree import serialize

    assert serialize(root) == stored
