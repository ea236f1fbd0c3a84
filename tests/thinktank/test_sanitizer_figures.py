"""
The sanitizer keeps a library figure exactly as stored (`<figure data-image="42"
data-size="full|inline">` with its figcaption), an id of ASCII digits only and one of
the two sizes, and nothing else on a figure; every other rule stands.
"""

import re

from hypothesis import given
from hypothesis import strategies as st

from thinktank.html import sanitize_html

FIGURE_TAG = re.compile(r"<figure\b[^>]*>")
ATTRIBUTE = re.compile(r'\s([\w-]+)="([^"]*)"')

attribute_names = st.sampled_from(
    ["data-image", "data-size", "class", "style", "onclick", "id", "data-x", "src", "lang"]
)
attribute_values = st.one_of(
    st.from_regex(r"[0-9]{1,6}", fullmatch=True),
    st.sampled_from(["full", "inline", "FULL", " full", "wide", "", "٤٢", "4e2", "-1", "0x1"]),
    st.text(max_size=12),
)


@st.composite
def figures(draw):
    attributes = draw(st.lists(st.tuples(attribute_names, attribute_values), max_size=5))
    written = "".join(f' {name}="{value.replace(chr(34), "&quot;")}"' for name, value in attributes)
    caption = draw(
        st.sampled_from(
            ["", "<figcaption>Oil <em>exports</em></figcaption>", "<figcaption></figcaption>"]
        )
    )
    return f"<figure{written}>{caption}</figure>"


@given(figures())
def test_a_figure_keeps_only_a_digit_id_and_a_known_size(html):
    cleaned = sanitize_html(html)
    for tag in FIGURE_TAG.findall(cleaned):
        attributes = dict(ATTRIBUTE.findall(tag))
        assert set(attributes) <= {"data-image", "data-size"}, tag
        if "data-image" in attributes:
            assert re.fullmatch(r"[0-9]+", attributes["data-image"]), tag
        if "data-size" in attributes:
            assert attributes["data-size"] in ("full", "inline"), tag
    assert "on" + "click" not in cleaned and "style" not in cleaned


@given(
    st.integers(min_value=1, max_value=10**12),
    st.sampled_from(["full", "inline"]),
    st.sampled_from(["", 'Oil <em>exports</em>, <a href="https://example.org/">source</a>']),
)
def test_the_stored_format_survives_whole(image_id, size, caption):
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    html = f'<p>Text</p><figure data-image="{image_id}" data-size="{size}">{figcaption}</figure>'
    cleaned = sanitize_html(html)
    assert cleaned == html.replace(
        'href="https://example.org/"', 'href="https://example.org/" rel="noopener noreferrer"'
    )


def test_what_is_not_a_figure_is_untouched():
    assert sanitize_html('<p data-image="4" data-size="full">x</p>') == "<p>x</p>"
    assert sanitize_html('<img src="/media/a.png" data-image="4">') == '<img src="/media/a.png">'
    old = '<figure><img src="/media/a.png" alt="A"><figcaption>Old</figcaption></figure>'
    assert sanitize_html(old) == old
