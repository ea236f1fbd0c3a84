"""
The sanitizer keeps an internal link's reference exactly (`<a data-link="article:42">`:
a registered kind, a colon, an id of ASCII digits without a leading zero) and drops
any other data-link; every other rule of links stands. See docs/internal-links.md.
"""

import re

from hypothesis import given
from hypothesis import strategies as st

from thinktank.html import sanitize_html
from thinktank.links import (
    Reference,
    parse_reference,
    references_in,
    registered_kinds,
    render_links,
)

LINK_TAG = re.compile(r"<a\b[^>]*>")
ATTRIBUTE = re.compile(r'\s([\w-]+)="([^"]*)"')
KINDS = ["article", "expert", "topic", "region"]

attribute_names = st.sampled_from(
    ["data-link", "href", "class", "style", "onclick", "data-x", "title", "lang", "target"]
)
attribute_values = st.one_of(
    st.builds(
        "{}:{}".format,
        st.sampled_from([*KINDS, "Article", "user", "articles", "", "article "]),
        st.one_of(
            st.integers(min_value=0, max_value=10**19).map(str),
            st.sampled_from(["٤٢", "042", "4e2", "-1", "", " 1", "1 ", "0x1", "1.0"]),
        ),
    ),
    st.sampled_from(["article:42", "javascript:alert(1)", "https://example.org/", "article"]),
    st.text(max_size=14),
)


@st.composite
def links(draw):
    attributes = draw(st.lists(st.tuples(attribute_names, attribute_values), max_size=5))
    written = "".join(f' {name}="{value.replace(chr(34), "&quot;")}"' for name, value in attributes)
    return f"<p><a{written}>text</a></p>"


def test_the_four_kinds_are_registered():
    assert registered_kinds() == set(KINDS)


@given(links())
def test_a_link_keeps_only_a_well_formed_reference(html):
    cleaned = sanitize_html(html)
    for tag in LINK_TAG.findall(cleaned):
        attributes = dict(ATTRIBUTE.findall(tag))
        assert set(attributes) <= {"data-link", "href", "title", "lang", "rel"}, tag
        if "data-link" in attributes:
            assert re.fullmatch(
                r"(article|expert|topic|region):[1-9][0-9]{0,17}", attributes["data-link"]
            )
            assert parse_reference(attributes["data-link"]) is not None
    assert "on" + "click" not in cleaned and "style" not in cleaned


@given(st.sampled_from(KINDS), st.integers(min_value=1, max_value=10**18 - 1))
def test_the_stored_format_survives_whole(kind, pk):
    html = f'<p>See <a data-link="{kind}:{pk}">the <em>piece</em></a>.</p>'
    cleaned = sanitize_html(html)
    assert f'data-link="{kind}:{pk}"' in cleaned
    assert references_in(cleaned) == [Reference(kind, pk)]
    # Sanitized twice, the same.
    assert sanitize_html(cleaned) == cleaned


@given(st.text(max_size=30))
def test_parse_reference_accepts_the_exact_form_only(value):
    reference = parse_reference(value)
    if reference is not None:
        assert str(reference) == value


@given(
    st.lists(st.tuples(st.sampled_from(KINDS), st.integers(1, 99), st.booleans()), max_size=6),
    st.sampled_from(["", '<a href="https://example.org/">elsewhere</a>']),
)
def test_rendering_gives_each_public_link_its_address_and_unlinks_the_rest(items, other):
    html = "".join(
        f'<p><a data-link="{kind}:{pk}" href="/stale">x{index}</a>{other}</p>'
        for index, (kind, pk, _public) in enumerate(items)
    )
    public = {Reference(kind, pk) for kind, pk, shown in items if shown}
    rendered = render_links(html, lambda ref: f"/to/{ref.kind}/{ref.id}" if ref in public else None)
    assert "data-link" not in rendered and "/stale" not in rendered
    for index, (kind, pk, _shown) in enumerate(items):
        linked = f'<a href="/to/{kind}/{pk}">x{index}</a>'
        assert (linked in rendered) == (Reference(kind, pk) in public)
        assert f"x{index}" in rendered
    assert rendered.count("https://example.org/") == (len(items) if other else 0)
