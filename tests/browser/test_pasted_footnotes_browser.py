"""
The editor's conversion of pasted footnotes (static/js/pasted-footnotes.js, run in
Chromium) and the server's (thinktank/footnotes.py, run by the sanitizer on save) follow
the same rules: for every shape, what the editor makes of a paste leaves the server
nothing to convert, and is saved as the server would have saved the paste itself. What
they make of it is tested apart: tests/thinktank/test_footnotes.py and
tests/browser/test_notes_browser.py.
"""

import pytest
from django.templatetags.static import static
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.clipboard import google_docs_clipboard, word_clipboard
from tests.helpers.footnotes import (
    GOOGLE_DOCS,
    GOOGLE_IN_EDITOR,
    LIBREOFFICE,
    MAMMOTH,
    WORD,
    WORD_IN_EDITOR,
    google_docs_footnotes,
    libreoffice_footnotes,
    mammoth_footnotes,
    word_footnotes,
)
from thinktank.footnotes import notes_from_footnotes
from thinktank.html import sanitize_html

pytestmark = [pytest.mark.browser]

NOTES = ['W. Bank, <i>Report</i>, <a href="https://example.org/r">online</a>.', "Two.", "Three."]
SHAPES = {
    "word": WORD,
    "google-docs": GOOGLE_DOCS,
    "mammoth": MAMMOTH,
    "libreoffice": LIBREOFFICE,
    "word-in-editor": WORD_IN_EDITOR,
    "google-docs-in-editor": GOOGLE_IN_EDITOR,
    "word-clipboard": word_clipboard(["A", " b", " c", "."], NOTES),
    "google-docs-clipboard": google_docs_clipboard(["A", " b", " c", "."], NOTES, rtl=True),
    "endnotes": (
        '<p>A<a href="#_edn1">[i]</a> b.</p>'
        '<div id=edn1><p><a href="#_ednref1">[i]</a> E.</p></div>'
    ),
    "styles": (
        '<p>A<sup><a href="#ftnt1">[1]</a></sup>.</p><hr><div><p><a href="#ftnt_ref1">[1]</a>'
        '<span style="font-style:italic">T</span><span style="font-weight:700"> b</span></p></div>'
    ),
    "space-between-runs": (
        '<p><span>Oil</span><span> </span><span>output</span><sup><a href="#ftnt1">[1]</a></sup>'
        '.</p><hr><div><p><a href="#ftnt_ref1">[1]</a> N.</p></div>'
    ),
    "a-note-holding-its-reference": '<p>A<a href="#_ftn1">[1]</a> <a href="#_ftnref1">x</a></p>',
    "unpaired": '<p>A<a href="#_ftn9">[9]</a>.</p><p><a href="#_ftnref3">[3]</a> Orphan.</p>',
}


@pytest.fixture(scope="module")
def converted(chromium, live_server):
    """What the editor makes of a paste: notesFromFootnotes run in a Chromium page."""
    context = chromium.new_context()
    page = context.new_page()
    module = f"{live_server.url}{static('js/pasted-footnotes.js')}"
    page.goto(module)

    def convert(html):
        return page.evaluate(
            "async ([module, html]) => (await import(module)).notesFromFootnotes(html)",
            [module, html],
        )

    yield convert
    context.close()


@pytest.mark.parametrize("shape", SHAPES.values(), ids=SHAPES.keys())
def test_the_editor_converts_a_paste_as_the_server_does(converted, shape):
    pasted = shape.replace("{year}", "2019")
    in_editor = converted(pasted)
    # The server finds nothing left to convert, and saves it as it saves the paste.
    assert notes_from_footnotes(in_editor) == in_editor
    assert sanitize_html(in_editor) == sanitize_html(pasted)


NOTE_TEXT = st.text(alphabet="abc كلمة", min_size=1, max_size=12).filter(str.strip)
GENERATED = [google_docs_footnotes, word_footnotes, mammoth_footnotes, libreoffice_footnotes]


@settings(max_examples=40, deadline=None)
@given(notes=st.lists(NOTE_TEXT, min_size=1, max_size=8), shape=st.sampled_from(GENERATED))
def test_every_shape_and_count_converts_as_on_the_server(converted, notes, shape):
    pasted = shape(notes)
    in_editor = converted(pasted)
    assert notes_from_footnotes(in_editor) == in_editor
    assert sanitize_html(in_editor) == sanitize_html(pasted)
    assert in_editor.count("<span data-note") == len(notes)
