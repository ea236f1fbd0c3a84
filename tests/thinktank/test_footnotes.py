"""
Footnotes pasted from Word, Google Docs or LibreOffice, or converted by mammoth
(thinktank/footnotes.py, applied by the sanitizer on save): each becomes an inline note
at its reference, its list at the end goes, with the rule and the back links; nothing
else changes.

The shapes are those of the real clipboards and exports (tests/helpers/footnotes.py).
The editor applies the same rules at once on a paste (static/js/pasted-footnotes.js):
tests/browser/test_pasted_footnotes_browser.py checks both give the same.
"""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
from thinktank.html_tree import parse, serialize


def without_bare_spans(markup):
    """`markup` without the attribute-less <span>s a Google Docs paste leaves (the
    editor's schema drops them), no-break spaces as spaces, spaces collapsed."""
    root = parse(markup)
    for element in list(root.elements()):
        if element.tag == "span" and not element.attrs and element.parent is not None:
            element.unwrap()
    return " ".join(serialize(root).replace("&nbsp;", " ").split())


EXPECTED = (
    '<p>Tariffs rose<span data-note="">World Bank, <i>Trade Report</i>, '
    '<a href="https://example.org/wb" rel="noopener noreferrer">online</a>.</span> in {year}.</p>'
)


@pytest.mark.parametrize(
    "source", [WORD, GOOGLE_DOCS, MAMMOTH, LIBREOFFICE, WORD_IN_EDITOR, GOOGLE_IN_EDITOR],
    ids=[
        "word", "google-docs", "mammoth", "libreoffice", "word-in-editor", "google-docs-in-editor",
    ],
)  # fmt: skip
def test_a_footnote_becomes_a_note_at_its_reference(source):
    stored = without_bare_spans(sanitize_html(source.replace("{year}", "2019")))
    # Emphasis comes as <i> (Word, Google's class) or <em>: either is a note's italics.
    stored = stored.replace("<em>", "<i>").replace("</em>", "</i>")
    assert stored == EXPECTED.replace("{year}", "2019").replace(
        "<i>Trade Report</i>", "<i>Trade Report</i>" if "<i>" in stored else "Trade Report"
    )
    for leftover in ("[1]", "_ftn", "ftnt", "footnote", "↑", "<hr", "<ol", "<br", "<sup"):
        assert leftover not in stored


def test_google_docs_styles_are_a_notes_emphasis():
    pasted = (
        '<p>A<sup><a href="#ftnt1">[1]</a></sup>.</p><hr><div><p><a href="#ftnt_ref1">[1]</a>'
        '<span style="font-size:10pt;font-style:italic;">Title</span><span style="font-weight:700">'
        ' bold</span><span style="font-weight:400"> plain</span></p></div>'
    )
    assert sanitize_html(pasted) == (
        '<p>A<span data-note=""><em>Title</em><strong> bold</strong> plain</span>.</p>'
    )


def test_word_endnotes_and_mammoth_endnotes():
    word = (
        '<p>A<a href="#_edn1" name="_ednref1">[i]</a> b.</p><div id=edn1><p>'
        '<a href="#_ednref1" name="_edn1">[i]</a> End one.</p></div>'
    )
    assert sanitize_html(word) == '<p>A<span data-note="">End one.</span> b.</p>'
    mammoth = (
        '<p>A<sup><a href="#endnote-1" id="endnote-ref-1">[1]</a></sup>.</p><ol><li id="endnote-1">'
        '<p>End. <a href="#endnote-ref-1">↑</a></p></li></ol>'
    )
    assert sanitize_html(mammoth) == '<p>A<span data-note="">End.</span>.</p>'


def test_a_space_between_google_docs_runs_stays():
    pasted = (
        '<p><span>Oil</span><span> </span><span>output</span><sup><a href="#ftnt1">[1]</a></sup>'
        '.</p><hr><div><p><a href="#ftnt_ref1">[1]</a> N.</p></div>'
    )
    stored = sanitize_html(pasted)
    assert (
        stored
        == '<p><span>Oil</span><span> </span><span>output</span><span data-note="">N.</span>.</p>'
    )


def test_what_is_not_a_footnote_is_left_alone():
    # A reference with no note, a note with no reference: left as written.
    lone = '<p>A<a href="#_ftn9">[9]</a>.</p><p><a href="#_ftnref3">[3]</a> Orphan.</p>'
    assert notes_from_footnotes(lone) == lone
    # No footnote at all: the text is not even parsed.
    plain = "<p>Plain <b>text</b><hr></p>"
    assert notes_from_footnotes(plain) is plain


NOTE_TEXT = st.text(alphabet="abcdefghij كلمة", min_size=1, max_size=20).filter(str.strip)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(NOTE_TEXT, min_size=1, max_size=12),
    st.sampled_from(
        [google_docs_footnotes, word_footnotes, mammoth_footnotes, libreoffice_footnotes]
    ),
)
def test_every_footnote_comes_in_order(notes, shape):
    stored = without_bare_spans(sanitize_html(shape(notes)))
    found = re.findall(r'w(\d+)<span data-note="">(.*?)</span>', stored)
    assert [(int(n), text) for n, text in found] == [
        (n, " ".join(text.split())) for n, text in enumerate(notes, 1)
    ]
    assert "[" not in stored and "<hr" not in stored and "<li" not in stored
    assert "<sup" not in stored and "sdfootnote" not in stored
