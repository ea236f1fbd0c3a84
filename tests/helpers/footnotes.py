"""Footnotes as word processors and converters write them, for the tests of their
conversion to notes (thinktank/footnotes.py on the server, static/js/pasted-footnotes.js
in the editor): one paragraph with one footnote in each source's shape ("{year}" to fill),
and generators of a paragraph with many ("w1", "w2", ... before each reference).

The shapes are those of the real clipboards and exports: Word's "mso-footnote" HTML
(the reference's `[1]` inside conditional comments, each note in <div id=ftn1>, the
list after <hr>), Google Docs' `ftnt` anchors (the <sup> outside the anchor, each note
in a bare <div>), LibreOffice's `sdfootnote1sym`/`sdfootnote1anc` pair (the reference's
<sup> inside its link, each note in <div id="sdfootnote1">), mammoth's
`footnote-N`/`endnote-N` list items with a trailing ↑; and Word's and Google's as the
editor's schema leaves them (the ids and names gone, the hrefs kept).
"""

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

LIBREOFFICE = (
    '<p class="western">Tariffs rose<a class="sdfootnoteanc" name="sdfootnote1anc" '
    'href="#sdfootnote1sym"><sup>1</sup></a> in {year}.</p>\n<div id="sdfootnote1">'
    '<p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">'
    '1</a>World Bank, <i>Trade Report</i>, <a href="https://example.org/wb">online</a>.</p></div>'
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


def google_docs_footnotes(notes):
    refs = "".join(
        f'<span>w{n}</span><sup><a href="#ftnt{n}" id="ftnt_ref{n}">[{n}]</a></sup>'
        for n in range(1, len(notes) + 1)
    )
    bodies = "".join(
        f'<div><p><a href="#ftnt_ref{n}" id="ftnt{n}">[{n}]</a><span>&nbsp;{text}</span></p></div>'
        for n, text in enumerate(notes, 1)
    )
    return f"<p>{refs}</p><hr>{bodies}"


def word_footnotes(notes):
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


def mammoth_footnotes(notes):
    refs = "".join(
        f'w{n}<sup><a href="#footnote-{n}" id="footnote-ref-{n}">[{n}]</a></sup>'
        for n in range(1, len(notes) + 1)
    )
    bodies = "".join(
        f'<li id="footnote-{n}"><p>{text} <a href="#footnote-ref-{n}">↑</a></p></li>'
        for n, text in enumerate(notes, 1)
    )
    return f"<p>{refs}</p><ol>{bodies}</ol>"


def libreoffice_footnotes(notes):
    refs = "".join(
        f'w{n}<a class="sdfootnoteanc" name="sdfootnote{n}anc" href="#sdfootnote{n}sym">'
        f"<sup>{n}</sup></a>"
        for n in range(1, len(notes) + 1)
    )
    bodies = "".join(
        f'<div id="sdfootnote{n}"><p class="sdfootnote"><a class="sdfootnotesym" '
        f'name="sdfootnote{n}sym" href="#sdfootnote{n}anc">{n}</a>{text}</p></div>'
        for n, text in enumerate(notes, 1)
    )
    return f"<p>{refs}</p>{bodies}"
