"""Every footnote plugin's markup as one inline note, at its reference, its text whole."""

from hypothesis import given, settings
from hypothesis import strategies as st

from interchange.wordpress.footnotes import core_footnotes, notes_from_html, notes_from_shortcodes
from thinktank.html_tree import parse, serialize

NOTE_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs"), exclude_characters="\xa0"),
    min_size=1,
    max_size=40,
).filter(str.strip)
SHAPES = {
    "efn": "[efn_note]{}[/efn_note]",
    "mfn": "[mfn]{}[/mfn]",
    "mfn_attributes": '[mfn referencenumber="3"]{}[/mfn]',
    "footnote": "[footnote]{}[/footnote]",
    "made_easy": "(({}))",
}


def html_notes(markup, core=None):
    root = parse(markup)
    notes_from_html(root, core)
    return serialize(root)


@settings(deadline=None)  # a shared machine's load is no failure
@given(st.sampled_from(sorted(SHAPES)), NOTE_TEXT, NOTE_TEXT, NOTE_TEXT)
def test_each_plugins_shortcode_becomes_one_note(shape, before, note, after):
    text = before + SHAPES[shape].format(note) + after
    if shape == "made_easy":
        before = before.rstrip(" \t")  # its mark is " ((", the space included
    assert notes_from_shortcodes(text) == f'{before}<span data-note="">{note.strip()}</span>{after}'


@settings(deadline=None)  # a shared machine's load is no failure
@given(NOTE_TEXT)
def test_a_note_over_lines_is_one_line(note):
    assert notes_from_shortcodes(f"[efn_note]{note}\n\n{note}[/efn_note]") == (
        f'<span data-note="">{note.strip()} {note.strip()}</span>'
    )


def test_footnotes_made_easy_takes_the_space_before_its_mark():
    assert notes_from_shortcodes("was busy ((Port, 2019.)).") == (
        'was busy<span data-note="">Port, 2019.</span>.'
    )
    assert notes_from_shortcodes("((Alone.))") == '<span data-note="">Alone.</span>'
    assert notes_from_shortcodes("Line\n((Next.))") == 'Line\n<span data-note="">Next.</span>'


def test_what_is_not_a_note_stays():
    for text in [
        "f(x)",
        "(((deep)))",
        "((\n\n))",
        "[[efn_note]]x[[/efn_note]]",
        "[efn_note][/efn_note]",
    ]:
        assert notes_from_shortcodes(text) == (text if "efn_note][" not in text else "")


@settings(deadline=None)  # a shared machine's load is no failure
@given(st.lists(NOTE_TEXT, min_size=1, max_size=4), st.sampled_from(["↩", "↑", "^"]))
def test_footnote_lists_become_notes_at_their_references(notes, back):
    references = "".join(
        f'Claim {n}<sup class="footnote"><a href="#fn{n}" id="fnref{n}">{n}</a></sup>. '
        for n in range(1, len(notes) + 1)
    )
    items = "".join(
        f'<li id="fn{n}"><p>{note} <a href="#fnref{n}">{back}</a></p></li>'
        for n, note in enumerate(notes, start=1)
    )
    html = html_notes(f'<p>{references}</p><div class="footnotes"><hr><ol>{items}</ol></div>')
    expected = "".join(
        f'Claim {n}<span data-note="">{note.rstrip()}</span>. '
        for n, note in enumerate(notes, start=1)
    )
    assert html == f"<p>{expected}</p>"


def test_a_link_holding_a_sup_and_an_ol_of_notes():
    html = html_notes(
        '<p>Fact<a href="#note-1"><sup>1</sup></a></p>'
        '<ol class="footnotes"><li id="note-1">Source <em>A</em>.</li></ol><p>Next</p>'
    )
    assert html == '<p>Fact<span data-note="">Source <em>A</em>.</span></p><p>Next</p>'


def test_wordpress_own_footnotes_from_the_post_meta():
    core = core_footnotes('[{"content": "Treasury, <em>2024</em>.", "id": "f00d"}]')
    html = html_notes(
        '<p>Bit<sup data-fn="f00d" class="fn"><a href="#f00d" id="f00d-link">1</a></sup>.</p>', core
    )
    assert html == '<p>Bit<span data-note="">Treasury, <em>2024</em>.</span>.</p>'
    assert core_footnotes("not json") == {} and core_footnotes('{"a": 1}') == {}


def test_in_page_anchors_that_are_not_footnotes_stay():
    markup = '<p><a href="#part-2">Part 2</a></p><h2 id="part-2">Part 2</h2>'
    assert html_notes(markup) == markup
