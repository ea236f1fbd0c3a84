"""What a search result and a link preview show of a page: read from the page's own
tags, cut where they cut, with a warning past the limit."""

from hypothesis import given
from hypothesis import strategies as st

from thinktank.link_previews import (
    SEARCH_DESCRIPTION_LIMIT,
    SEARCH_TITLE_LIMIT,
    measures,
    page_metadata,
    shortened,
)

PAGE = """<!DOCTYPE html><html><head><title>
  A title &amp; more | Site</title>
<meta name="description" content="The summary.">
<meta property="og:title" content="A title &amp; more">
<meta property="og:image" content="http://example.org/hero.jpg">
<meta property="og:image:alt" content="A dam">
</head><body><svg><title>not this one</title></svg></body></html>"""

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=400)


def test_page_metadata_reads_the_page_s_tags():
    metadata = page_metadata(PAGE)
    assert metadata.title == "A title & more | Site"
    assert metadata.description == "The summary."
    assert metadata.og_title == "A title & more"
    assert metadata.og_image == "http://example.org/hero.jpg"
    assert metadata.og_image_alt == "A dam"
    assert metadata.og_description == ""


@given(TEXT, st.integers(min_value=2, max_value=300))
def test_shortened_never_exceeds_the_limit(text, limit):
    shown = shortened(text, limit)
    assert len(shown) <= limit
    assert shown == text or shown.endswith("…")


@given(TEXT, TEXT)
def test_a_warning_exactly_past_the_limit(title, description):
    metadata = page_metadata(
        f"<title>{title.replace('<', '')}</title>"
        f'<meta name="description" content="{description.replace(chr(34), "")}">'
    )
    found = measures(metadata)
    assert found["search_title"].too_long == (len(metadata.title) > SEARCH_TITLE_LIMIT)
    long_description = len(metadata.description) > SEARCH_DESCRIPTION_LIMIT
    assert found["search_description"].too_long == long_description
    # A card falls back on the title and description when Open Graph says nothing.
    assert found["card_title"].text == metadata.title


def test_arabic_is_cut_at_a_word():
    text = "سياسة المياه في الخليج " * 10
    shown = shortened(text, 60)
    assert shown.endswith("…") and len(shown) <= 60
    assert text.startswith(shown[:-1])
