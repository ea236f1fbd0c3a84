"""
An article's documents on its page: listed in the article's language (title, type, size
with the language's digits, page count) with their download links, in one query whatever
their number; found by the words of their text in search, below the body; linked from
the body at their link address, which the sanitizer keeps.
"""

import re

import pytest
from django.db import connection

from articles.models import Article
from articles.search import below_body
from tests.helpers.budgets import ARTICLE_PAGE_BUDGET, count_queries
from tests.helpers.documents import make_document, pdf_bytes, xlsx_bytes
from tests.helpers.factories import make_article
from tests.helpers.htmlpage import get_page, parse
from thinktank.html import sanitize_html

pytestmark = pytest.mark.django_db


def documents_section(page, heading="Documents"):
    return page.section(heading)


def test_the_page_lists_the_documents_in_order_with_type_size_and_pages(client):
    article = make_article("Listed")
    data = make_document(article, "Data appendix", xlsx_bytes(), position=2)
    report = make_document(article, "Full report", pdf_bytes(["one", "two", "three"]), position=1)
    page = get_page(client, article.get_absolute_url())
    items = documents_section(page).find_all("li")
    assert [item.find("a").text for item in items] == ["Full report", "Data appendix"]
    link = items[0].find("a")
    assert link.get("href") == report.get_absolute_url()
    assert "download" in link.attrs
    facts = items[0].find(cls="document__facts").text
    assert facts.startswith("PDF, ") and facts.endswith(", 3 pages")
    assert "bytes" in facts or "KB" in facts
    assert items[1].find(cls="document__facts").text.startswith("XLSX, ")
    assert "pages" not in items[1].text
    assert items[1].find("a").get("href") == data.get_absolute_url()


def test_one_page_is_said_in_the_singular(client):
    article = make_article()
    make_document(article, "Brief", pdf_bytes(["only"]))
    facts = get_page(client, article.get_absolute_url()).find(cls="document__facts").text
    assert facts.endswith(", 1 page")


def test_no_documents_no_section(client):
    page = get_page(client, make_article().get_absolute_url())
    assert not page.find_all(cls="documents")


def test_the_arabic_page_lists_them_in_arabic(client):
    article = make_article("تقرير السياسات", slug="taqrir", language="ar")
    make_document(article, "التقرير الكامل", pdf_bytes(["a", "b"]))
    make_document(article, "English summary", language="en", position=1)
    page = get_page(client, article.get_absolute_url())
    assert page.find("html").get("dir") == "rtl"
    section = documents_section(page, "الوثائق")
    arabic, english = section.find_all("li")
    assert arabic.find("a").text == "التقرير الكامل"
    assert "صفحتان" in arabic.text or "2" in arabic.text
    assert "بايت" in arabic.text or "كيلوبايت" in arabic.text
    # A document in another language says so, and is marked as such.
    link = english.find("a")
    assert (link.get("lang"), link.get("dir"), link.get("hreflang")) == ("en", "ltr", "en")
    assert "English" in english.text


def test_the_persian_page_writes_sizes_in_persian_digits(client):
    article = make_article("گزارش", slug="gozaresh", language="fa")
    make_document(article, "گزارش کامل", pdf_bytes(["x" * 1500]))
    text = get_page(client, article.get_absolute_url()).find(cls="document__facts").text
    assert not any(char in "0123456789" for char in text)
    assert any(char in "۰۱۲۳۴۵۶۷۸۹" for char in text)


@pytest.mark.usefixtures("cache_miss")
def test_the_page_costs_the_same_queries_with_no_documents_or_ten(client):
    bare = make_article("No documents")
    full = make_article("Ten documents")
    for index in range(10):
        make_document(full, f"Part {index}", position=index)
    bare_count, _response = count_queries(client, bare.get_absolute_url())
    full_count, response = count_queries(client, full.get_absolute_url())
    assert len(documents_section(parse(response)).find_all("li")) == 10
    assert bare_count == full_count <= ARTICLE_PAGE_BUDGET


def test_a_word_only_in_a_documents_pdf_finds_the_article(client):
    article = make_article("Coastal Policy", body="<p>Nothing about birds.</p>")
    make_document(article, "Annex", pdf_bytes(["The albatross population fell sharply."]))
    assert list(Article.objects.published().search("albatross", "en")) == [article]
    page = get_page(client, "/search?q=albatross")
    assert "Coastal Policy" in page.text
    # Gone with the document.
    article.documents.get().delete()
    assert not Article.objects.published().search("albatross", "en").exists()


def test_a_documents_text_is_weighted_below_the_body():
    in_body = make_article("Written", body="<p>The petrel returns.</p>")
    in_document = make_article("Annexed")  # newer: only the weights put the other first
    make_document(in_document, "Annex", pdf_bytes(["The petrel returns."]))
    found = list(Article.objects.published().search("petrel", "en"))
    assert set(found) == {in_body, in_document}
    if connection.vendor == "postgresql":
        # Ranked by the head alone (docs/search.md): the weights are in the vector,
        # C for the body, D (written without its letter) for the documents.
        vectors = dict(Article.objects.values_list("pk", "search_vector"))
        assert re.search(r"'petrel':\d+C", vectors[in_body.pk])
        assert re.search(r"'petrel':\d+(?![\dA-C])", vectors[in_document.pk])
    else:
        assert found == [in_body, in_document]  # bm25 weighs the body above


def test_a_drafts_document_is_not_found_by_readers():
    draft = make_article("Draft", published=False)
    make_document(draft, "Annex", pdf_bytes(["cormorant"]))
    assert not Article.objects.published().search("cormorant", "en").exists()


def test_the_indexed_text_is_capped(monkeypatch):
    article = make_article()
    for index in range(3):
        make_document(article, f"Part {index}", pdf_bytes([f"word{index} " * 50]))
    bodies = {article.pk: article.body}
    texts = below_body.texts([article.pk], bodies)
    assert "word0" in texts[article.pk] and "word2" in texts[article.pk]
    monkeypatch.setattr(below_body, "BELOW_BODY_LIMIT", 100)
    assert len(below_body.texts([article.pk], bodies)[article.pk]) == 100


def test_notes_and_documents_share_the_text_below_the_body():
    body = '<p>Shipping fell.<span data-note="">Source: the guillemot survey.</span></p>'
    article = make_article("Both", body=body)
    make_document(article, "Annex", pdf_bytes(["Kittiwake counts."]))
    for word in ("guillemot", "kittiwake"):
        assert list(Article.objects.published().search(word, "en")) == [article]


def test_the_body_may_link_to_a_document_at_its_link_address():
    html = '<p>Read <a href="/documents/12">the full report</a>.</p>'
    assert sanitize_html(html) == (
        '<p>Read <a href="/documents/12" rel="noopener noreferrer">the full report</a>.</p>'
    )


def test_a_link_from_the_body_leads_a_reader_to_the_file(client):
    article = make_article("Linked")
    document = make_document(article, "Report")
    article.body = f'<p><a href="{document.stable_url()}">Download the full report</a></p>'
    article.save()
    page = get_page(client, article.get_absolute_url())
    href = page.find(cls="prose").find("a").get("href")
    response = client.get(href, follow=True)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    b"".join(response.streaming_content)  # read to its end, the client closes it


def test_the_arabic_search_page_finds_an_arabic_article_by_its_documents_words(client):
    article = make_article("سياسات الموانئ", slug="mawani", language="ar")
    make_document(article, "Annex", pdf_bytes(["Shearwater counts by port."]), language="en")
    page = get_page(client, "/ar/search?q=shearwater")
    assert "سياسات الموانئ" in page.text
