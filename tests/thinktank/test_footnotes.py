"""
Footnotes pasted from Word or Google Docs, or converted by mammoth (thinktank/footnotes.py,
applied by the sanitizer on save): each becomes an inline note at its reference, its
list at the end goes, with the rule and the back links; nothing else changes.

The shapes are those of the real clipboards and exports: Word's "mso-footnote" HTML
(the reference's `[1]` inside conditional comments, each note in <div id=ftn1>, the
list after <hr>), Google Docs' `ftnt` anchors (the <sup> outside the anchor, each note
in a bare <div>), mammoth's `footnote-N`/`endnote-N` list items with a trailing ↑; and
each of them as the editor's schema leaves it (the ids and names gone, the hrefs kept).
"""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


WORD = """<p class=MsoNormal>Tariffs rose<a style='mso-footnote-id:ftn1' href="#_ftn1"
name="_ftnref1" title=""><span class=MsoFootnoteReference><span
style='mso-special-character:footnote'><![if !supportFootnotes]><span
class=MsoFootnoteReference><span style='font-size:11.0pt'>[1]</span></span><![endif]></span>
</span></a> in {year}.</p>
<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all>
<hr align=left size=1 width="33%">
<![endif]>
<div style='mso-element:footnote' id=ftn1>
<p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1"
title=""><span class=MsoFootnoteReference><span style='mso-special-character:footnote'>
<![if !supportFootnotes]><span class=MsoFootnoteReference><span style='font-size:10.0pt'>[1]
</span></span><![endif]></span></span></a>
<span lang=EN-US>World Bank, <i>Trade Report</i>, <a href="https://example.org/wb">online</a>.</span></p>
</div>
</div>"""

GOOGLE_DOCS = (
    '<p class="c1"><span class="c0">Tariffs rose</span><sup class="c3"><a href="#ftnt1" '
    'id="ftnt_ref1">[1]</a></sup><span class="c0">&nbsp;in {year}.</span></p><hr class="c5">'
    '<div><p class="c2"><a href="#ftnt_ref1" id="ftnt1">[1]</a><span class="c4">&nbsp;World Bank, '
    '</span><span class="c4 c6">Trade Report</span><span class="c4">, </span><span class="c7">'
    '<a class="c8" href="https://example.org/wb">online</a></span><span class="c4">.</span>'
    "</p></div>"
)

MAMMOTH = (
    '<p>Tariffs rose<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> in {year}.</p>'
    '<ol><li id="footnote-1"><p>World Bank, <em>Trade Report</em>, '
    '<a href="https://example.org/wb">online</a>. <a href="#footnote-ref-1">↑</a></p></li></ol>'
)

# The same, as the editor's schema leaves a paste: ids, names, classes and divs gone.
WORD_IN_EDITOR = (
    '<p>Tariffs rose<a href="#_ftn1">[1]</a> in {year}.</p><hr><p><a href="#_ftnref1">[1]</a> '
    'World Bank, <em>Trade Report</em>, <a href="https://example.org/wb">online</a>.</p>'
)
GOOGLE_IN_EDITOR = (
    '<p>Tariffs rose<sup><a href="#ftnt1">[1]</a></sup> in {year}.</p><hr><p><a href="#ftnt_ref1">'
    "[1]</a> World Bank, <em>Trade Report</em>, "
    '<a href="https://example.org/wb">online</a>.</p>'
)

EXPECTED = (
    '<p>Tariffs rose<span data-note="">World Bank, <i>Trade Report</i>, '
    '<a href="https://example.org/wb" rel="noopener noreferrer">online</a>.</span> in {year}.</p>'
)


@pytest.mark.parametrize(
    "source", [WORD, GOOGLE_DOCS, MAMMOTH, WORD_IN_EDITOR, GOOGLE_IN_EDITOR],
    ids=["word", "google-docs", "mammoth", "word-in-editor", "google-docs-in-editor"],
)  # fmt: skip
def test_a_footnote_becomes_a_note_at_its_reference(source):
    stored = without_bare_spans(sanitize_html(source.replace("{year}", "2019")))
    # Emphasis comes as <i> (Word, Google's class) or <em>: either is a note's italics.
    stored = stored.replace("<em>", "<i>").replace("</em>", "</i>")
    assert stored == EXPECTED.replace("{year}", "2019").replace(
        "<i>Trade Report</i>", "<i>Trade Report</i>" if "<i>" in stored else "Trade Report"
    )
    for leftover in ("[1]", "_ftn", "ftnt", "footnote-", "↑", "<hr", "<ol", "<br"):
        assert leftover not in stored


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


def test_what_is_not_a_footnote_is_left_alone():
    # A reference with no note, a note with no reference: left as written.
    lone = '<p>A<a href="#_ftn9">[9]</a>.</p><p><a href="#_ftnref3">[3]</a> Orphan.</p>'
    assert notes_from_footnotes(lone) == lone
    # No footnote at all: the text is not even parsed.
    plain = "<p>Plain <b>text</b><hr></p>"
    assert notes_from_footnotes(plain) is plain


NOTE_TEXT = st.text(alphabet="abcdefghij كلمة", min_size=1, max_size=20).filter(str.strip)


def _google(notes):
    refs = "".join(
        f'<span>w{n}</span><sup><a href="#ftnt{n}" id="ftnt_ref{n}">[{n}]</a></sup>'
        for n in range(1, len(notes) + 1)
    )
    bodies = "".join(
        f'<div><p><a href="#ftnt_ref{n}" id="ftnt{n}">[{n}]</a><span>&nbsp;{text}</span></p></div>'
        for n, text in enumerate(notes, 1)
    )
    return f"<p>{refs}</p><hr>{bodies}"


def _word(notes):
    refs = "".join(
        f'w{n}<a style="mso-footnote-id:ftn{n}" href="#_ftn{n}" name="_ftnref{n}"><span '
        f"class=MsoFootnoteReference>[{n}]</span></a>"
        for n in range(1, len(notes) + 1)
    )
    bodies = "".join(
        f'<div style="mso-element:footnote" id=ftn{n}><p class=MsoFootnoteText>'
        f'<a href="#_ftnref{n}" '
        f'name="_ftn{n}"><span class=MsoFootnoteReference>[{n}]</span></a> {text}</p></div>'
        for n, text in enumerate(notes, 1)
    )
    notes_list = f"<div style='mso-element:footnote-list'><br clear=all><hr>{bodies}</div>"
    return f"<p class=MsoNormal>{refs}</p>{notes_list}"


def _mammoth(notes):
    refs = "".join(
        f'w{n}<sup><a href="#footnote-{n}" id="footnote-ref-{n}">[{n}]</a></sup>'
        for n in range(1, len(notes) + 1)
    )
    bodies = "".join(
        f'<li id="footnote-{n}"><p>{text} <a href="#footnote-ref-{n}">↑</a></p></li>'
        for n, text in enumerate(notes, 1)
    )
    return f"<p>{refs}</p><ol>{bodies}</ol>"


@settings(max_examples=60, deadline=None)
@given(st.lists(NOTE_TEXT, min_size=1, max_size=12), st.sampled_from([_google, _word, _mammoth]))
def test_every_footnote_comes_in_order(notes, shape):
    stored = without_bare_spans(sanitize_html(shape(notes)))
    found = re.findall(r'w(\d+)<span data-note="">(.*?)</span>', stored)
    assert [(int(n), text) for n, text in found] == [
        (n, " ".join(text.split())) for n, text in enumerate(notes, 1)
    ]
    assert "[" not in stored and "<hr" not in stored and "<li" not in stored
