"""
The PDF edition of an article: what it shows, read back with pypdf (cover, body, footer
note, citation, address), in English, Arabic and Persian (direction, fonts embedded,
page numbers in the language's digits), its response, and the page's link to it.
"""

import html
import unicodedata
from datetime import UTC, datetime
from urllib.parse import unquote

import pytest
from django.utils.html import strip_tags
from django.utils.http import content_disposition_header
from hypothesis import given
from hypothesis import strategies as st

from articles import citations, pdf_edition
from articles.models import Article
from tests.helpers.budgets import count_queries
from tests.helpers.factories import make_article, make_expert, make_translation
from tests.helpers.htmlpage import get_page
from tests.helpers.multilingual import SERVER, translated
from tests.helpers.pdf import (
    page_png,
    pdf_bytes,
    pdf_font_names,
    pdf_reader,
    pdf_text,
    pdf_text_of_page,
)

pytestmark = pytest.mark.usefixtures("private_folder")

BODY = (
    "<h2>Water and power</h2>"
    "<p>The first paragraph of the body speaks of rivers and dams.</p>"
    "<blockquote><p>A quoted sentence about the basin.</p></blockquote>"
    '<p>The second paragraph ends with <a href="https://example.org/">a link</a>.</p>'
)
ARABIC_BODY = (
    "<h2>الماء والسلطة</h2>"
    "<p>الفقرة الأولى من النص تتحدث عن الأنهار والسدود.</p>"
    "<p>والفقرة الثانية عن الزراعة في الوادي.</p>"
)
PERSIAN_BODY = "<p>بند نخست درباره رودخانه‌ها و سدها سخن می‌گوید.</p>"


@pytest.fixture
def piece(db):
    anna = make_expert("Anna Borshchevskaya", slug="anna")
    grant = make_expert("Grant Rumley", slug="grant")
    article = make_article(
        "Putin's Alignment",
        slug="putins-alignment",
        authors=[anna, grant],
        body=BODY,
        footer_note="<p>First published by the footer outlet.</p>",
        published_at=datetime(2023, 11, 27, 15, 0, tzinfo=UTC),
    )
    arabic = make_translation(
        article,
        "ar",
        "انحياز بوتين",
        slug="anhyaz-bwtyn",
        authors=[anna],
        body=ARABIC_BODY,
        summary="ملخص المقال عن المياه.",
    )
    persian = make_translation(
        article, "fa", "همسویی پوتین", slug="hmswyy-pwtyn", body=PERSIAN_BODY, summary="چکیده."
    )
    return {"en": article, "ar": arabic, "fa": persian}


def edition(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response, pdf_bytes(response)


def citation_text(article):
    article = Article.objects.for_listing().get(pk=article.pk)
    url = f"{SERVER}{article.get_absolute_url()}"
    cited = strip_tags(citations.chicago(citations.work_for(article, url)))
    return " ".join(html.unescape(cited).split())


def test_english_edition_reads_back(client, piece):
    response, content = edition(client, "/policy-analysis/putins-alignment.pdf")
    assert content.startswith(b"%PDF-")
    text = pdf_text(content)
    for expected in (
        "The Thinktank Institute",  # the site's name
        "POLICY ANALYSIS",  # the type, in capitals on the cover
        "Putin's Alignment",
        "Anna Borshchevskaya, Grant Rumley",
        "Nov 27, 2023",
        "Summary of Putin's Alignment.",
        "Water and power",
        "The first paragraph of the body speaks of rivers and dams.",
        "A quoted sentence about the basin.",
        "The second paragraph ends with a link.",
        "First published by the footer outlet.",
        "Cite this",
        f"Available at {SERVER}/policy-analysis/putins-alignment",
    ):
        assert expected in text, expected
    assert citation_text(piece["en"]) in text
    # In reading order: the cover, then the body, then the citation.
    assert text.index("Nov 27, 2023") < text.index("Water and power") < text.index("Cite this")
    fonts = pdf_font_names(content)
    assert {"Noto-Serif", "Noto-Sans"} <= set(fonts) and all(fonts.values())


def test_arabic_edition_reads_back_in_arabic_letters(client, piece):
    _response, content = edition(client, "/ar/policy-analysis/anhyaz-bwtyn.pdf")
    text = pdf_text(content)
    # pypdf reads a right-to-left line's final full stop at its start: words are compared.
    for expected in (
        "انحياز بوتين",
        "ملخص المقال عن المياه",
        "الماء والسلطة",
        "الفقرة الأولى من النص تتحدث عن الأنهار والسدود.",
        "والفقرة الثانية عن الزراعة في الوادي.",
        translated("ar", "Cite this"),
        f"{SERVER}/ar/policy-analysis/anhyaz-bwtyn",
        "Anna Borshchevskaya",
    ):
        assert expected in text, expected
    fonts = pdf_font_names(content)
    assert {"Noto-Naskh-Arabic", "Noto-Sans-Arabic"} <= set(fonts), fonts
    assert all(fonts.values()), "every font embedded"


def test_persian_edition_reads_back(client, piece):
    _response, content = edition(client, "/fa/policy-analysis/hmswyy-pwtyn.pdf")
    text = pdf_text(content)
    assert "همسویی پوتین" in text
    # pypdf drops the zero-width non-joiner, which the PDF draws (no join, no space).
    assert "بند نخست درباره رودخانه‌ها و سدها سخن می‌گوید".replace("\u200c", "") in text


@pytest.mark.parametrize(
    ("language", "path", "last_page"),
    [
        ("en", "/policy-analysis/putins-alignment.pdf", "Putin's Alignment 2"),
        ("ar", "/ar/policy-analysis/anhyaz-bwtyn.pdf", "انحياز بوتين ٢"),
        ("fa", "/fa/policy-analysis/hmswyy-pwtyn.pdf", "همسویی پوتین ۲"),
    ],
)
def test_pages_run_the_title_and_are_numbered_in_the_language_digits(
    client, piece, language, path, last_page
):
    text = pdf_text(edition(client, path)[1])
    assert text.endswith(last_page)  # the last page's running title, then its number
    cover = pdf_text_of_page(edition(client, path)[1], 0)
    assert not cover.endswith(("1", "١", "۱"))  # the cover has no number


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_pdf_is_tagged_titled_and_in_the_article_language(client, piece, language):
    article = piece[language]
    content = edition(client, f"{article.get_absolute_url()}.pdf")[1]
    reader = pdf_reader(content)
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog  # tagged, for assistive technology
    assert catalog["/Lang"] == language
    assert reader.metadata.title == article.title
    assert "Anna Borshchevskaya" in reader.metadata.author


def test_the_html_is_in_the_article_language_and_direction(piece):
    for language, direction in (("en", "ltr"), ("ar", "rtl"), ("fa", "rtl")):
        article = Article.objects.for_listing().get(pk=piece[language].pk)
        html = pdf_edition.edition_html(article, f"{SERVER}{article.get_absolute_url()}")
        assert f'<html lang="{language}" dir="{direction}">' in html
        # The address stays left to right inside a right-to-left citation.
        assert f'<bdi dir="ltr">{SERVER}{article.get_absolute_url()}</bdi>' in html


def test_response_headers(client, piece):
    response, _content = edition(client, "/ar/policy-analysis/anhyaz-bwtyn.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Cache-Control"] == "public, no-cache"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; ")
    assert unquote(disposition.split("filename*=utf-8''", 1)[1]) == "انحياز بوتين.pdf"
    english, content = edition(client, "/policy-analysis/putins-alignment.pdf")
    assert english["Content-Disposition"] == 'attachment; filename="Putin\'s Alignment.pdf"'
    assert int(english["Content-Length"]) == len(content)


@given(st.text(min_size=1, max_size=300))
def test_any_title_gives_a_header_safe_readable_filename(title):
    name = pdf_edition.download_name(Article(title=title, slug="fallback-slug"))
    assert name.endswith(".pdf") and len(name) <= 154
    assert not any(char in '/\\:*?"<>|' or unicodedata.category(char) == "Cc" for char in name)
    disposition = content_disposition_header(True, name)
    disposition.encode("latin-1")  # a header's value
    assert "\n" not in disposition and "\r" not in disposition


def test_the_page_links_to_its_edition_with_its_size_once_made(client, piece):
    queries_before, response = count_queries(client, "/policy-analysis/putins-alignment")
    link = get_page(client, "/policy-analysis/putins-alignment").find(cls="article__pdf")
    assert link.find("a").get("href") == "/policy-analysis/putins-alignment.pdf"
    assert link.find("a").text == "Download PDF"
    assert not link.find_all(cls="article__pdf-size")  # not made yet: no size

    _response, content = edition(client, "/policy-analysis/putins-alignment.pdf")
    queries_after, response = count_queries(client, "/policy-analysis/putins-alignment")
    assert queries_after == queries_before  # the size is the storage's, not a query
    link = get_page(client, "/policy-analysis/putins-alignment").find(cls="article__pdf")
    size = link.find(cls="article__pdf-size").text
    assert size.startswith("(PDF, ") and size.endswith("KB)")


def test_the_size_shows_on_a_page_whose_article_was_kept(client, piece):
    """The PDF link is written at every render, not kept with the rest of <article>."""
    page = "/policy-analysis/putins-alignment"
    assert not get_page(client, page).find_all(cls="article__pdf-size")  # kept
    edition(client, "/policy-analysis/putins-alignment.pdf")
    response = client.get(f"{page}?page-miss=1")
    assert "includes/article_main.html" not in [t.name for t in response.templates]
    size = get_page(client, f"{page}?page-miss=1").find(cls="article__pdf-size").text
    assert size.startswith("(PDF, ") and size.endswith("KB)")


def test_the_arabic_page_links_to_the_arabic_edition(client, piece):
    page = get_page(client, "/ar/policy-analysis/anhyaz-bwtyn")
    link = page.find(cls="article__pdf").find("a")
    assert link.get("href") == "/ar/policy-analysis/anhyaz-bwtyn.pdf"
    assert link.text == translated("ar", "Download PDF")
    assert translated("fa", "Download PDF") != "Download PDF"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_cover_renders(client, piece, tmp_path, language):
    path = piece[language].get_absolute_url()
    _response, content = edition(client, f"{path}.pdf")
    png = page_png(content, tmp_path)  # pdftoppm: deploy/test-packages.sh installs it
    assert png.stat().st_size > 2000  # a page with text on it, not a blank one


NOTED = (
    '<p>Rivers carry the first claim.<span data-note="">The first source, '
    "<em>Water Review</em>, 2021.</span> Dams carry the second."
    '<span data-note="">The second source.</span></p>'
)
ARABIC_NOTED = (
    '<p>الأنهار تحمل الادعاء الأول.<span data-note="">المصدر الأول للمياه.</span> '
    'والسدود تحمل الثاني.<span data-note="">المصدر الثاني للسدود.</span></p>'
)


@pytest.mark.parametrize(
    ("language", "body", "heading", "notes"),
    [
        ("en", NOTED, "Notes", ["The first source, Water Review, 2021.", "The second source."]),
        ("ar", ARABIC_NOTED, "الحواشي", ["المصدر الأول للمياه", "المصدر الثاني للسدود"]),
    ],
)
def test_notes_follow_the_body_in_order(db, client, language, body, heading, notes):
    article = make_article("Noted piece", slug="noted-piece", language=language, body=body)
    text = pdf_text(edition(client, f"{article.get_absolute_url()}.pdf")[1])
    assert heading in text
    body_end = text.index(heading)
    positions = [text.index(note, body_end) for note in notes]
    assert (
        positions
        == sorted(positions)
        < [text.index(translated(language, "Cite this") if language != "en" else "Cite this")] * 2
    )
    assert notes[0] not in text[:body_end]  # the note's text is in the Notes, not the body
    if language == "ar":  # the list's markers ("١." read right to left) in its digits
        assert ".١" in text[body_end:] and ".٢" in text[body_end:]
        assert ".1" not in text[body_end:] and "1." not in text[body_end:]
