"""library.figures: the figures of sanitized rich text, found in order with their
image, size and own caption, whatever else the text holds."""

from hypothesis import given
from hypothesis import strategies as st

from library.figures import FULL, figure_image_ids, figures_of
from thinktank.html import sanitize_html

captions = st.sampled_from(["", "Oil <em>exports</em>", '<a href="https://example.org/">x</a>'])
sizes = st.sampled_from(["full", "inline", "wide", ""])
paragraphs = st.sampled_from(
    ["", "<p>Text.</p>", "<h2>Part</h2>\n<p>Line\nbreak</p>", "<ul><li>a</li></ul>"]
)


@given(st.lists(st.tuples(st.integers(1, 10**9), sizes, captions, paragraphs), max_size=6))
def test_every_figure_is_found_in_order(figures):
    html = sanitize_html(
        "".join(
            f'{before}<figure data-image="{number}" data-size="{size}">'
            + (f"<figcaption>{caption}</figcaption>" if caption else "")
            + "</figure>"
            for number, size, caption, before in figures
        )
    )
    found = figures_of(html)
    assert [figure.image_id for figure in found] == [number for number, *_rest in figures]
    for figure, (_number, size, caption, _before) in zip(found, figures, strict=True):
        assert figure.size == (size if size in ("full", "inline") else FULL)
        assert bool(figure.caption) == bool(caption)
        assert html[figure.start : figure.end].startswith("<figure data-image=")
        assert html[figure.start : figure.end].endswith("</figure>")
    assert figure_image_ids(html) == list(dict.fromkeys(n for n, *_rest in figures))


def test_what_is_not_a_library_figure_is_not_found():
    old = '<figure><img src="/media/a.png" alt="A"><figcaption>Old</figcaption></figure>'
    assert figures_of(old) == []
    assert figures_of('<p data-image="4">x</p>') == []


def test_figures_inside_a_library_figure_are_not_figures_of_their_own():
    html = (
        '<figure data-image="1"><figure data-image="2"></figure></figure>'
        '<figure data-image="3"></figure>'
    )
    assert figure_image_ids(sanitize_html(html)) == [1, 3]
