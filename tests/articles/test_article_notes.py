"""
Notes on the article page (articles/body.py, templates/includes/notes.html): each note
a numbered superscript reference in the text and an item of the "Notes" section after
the body, linked both ways, numbered in order of appearance in the language's digits,
on the page and its preview alike, at no query's cost.
"""

import pytest

from articles import services
from articles.models import Article
from tests.helpers.budgets import ARTICLE_PAGE_BUDGET, count_queries
from tests.helpers.factories import make_article
from tests.helpers.htmlpage import get_page, parse

pytestmark = pytest.mark.django_db

BODY = (
    '<p>Exports fell<span data-note="">Customs data, <a href="https://example.org/c">2023</a>.'
    "</span> in spring.</p>"
    '<p>Imports rose<span data-note="">See <em>Annual Survey</em>.</span> later.</p>'
)


def references(page):
    return page.find(cls="prose").find_all("a", role="doc-noteref")


def note_items(page):
    return page.find("section", cls="notes").find("ol").find_all("li")


def test_each_note_is_linked_both_ways(client):
    article = make_article("Trade Notes", body=BODY)
    page = get_page(client, article.get_absolute_url())
    refs = references(page)
    items = note_items(page)
    assert [ref.text for ref in refs] == ["1", "2"]
    assert [ref.get("aria-label") for ref in refs] == ["Note 1", "Note 2"]
    for number, (ref, item) in enumerate(zip(refs, items, strict=True), 1):
        assert ref.parent.tag == "sup" and "note-ref" in ref.parent.classes
        assert ref.get("href") == f"#{item.get('id')}" == f"#note-{number}"
        back = item.find("a", role="doc-backlink")
        assert back.get("href") == f"#{ref.get('id')}" == f"#note-ref-{number}"
        assert back.get("aria-label") == f"Back to the text of note {number}"
    assert items[0].find("a").get("href") == "https://example.org/c"
    assert items[1].find("em").text == "Annual Survey"
    section = page.find("section", cls="notes")
    assert section.get("aria-labelledby") == "notes-title"
    assert section.find("h2", id="notes-title").text == "Notes"
    # The text reads on without the notes' words.
    assert "Customs data" not in page.find(cls="prose").text


def test_moving_text_renumbers_the_notes(client, editor):
    article = make_article("Moving Notes", body=BODY)
    first, second = BODY.split("</p>", 1)
    article = Article.objects.get(pk=article.pk)
    article.body = second + first + "</p>"
    services.article_save(article, user=editor)
    page = get_page(client, article.get_absolute_url())
    assert [item.text.split()[0] for item in note_items(page)] == ["See", "Customs"]
    assert [ref.text for ref in references(page)] == ["1", "2"]


@pytest.mark.parametrize(
    ("language", "digits", "direction"),
    [("ar", ["١", "٢"], "rtl"), ("fa", ["۱", "۲"], "rtl"), ("en", ["1", "2"], "ltr")],
)
def test_numbers_are_in_the_languages_digits(client, language, digits, direction):
    article = make_article("ملاحظات", slug="notes-" + language, language=language, body=BODY)
    page = get_page(client, article.get_absolute_url())
    assert page.find("html").get("dir") == direction
    assert [ref.text for ref in references(page)] == digits
    labels = [item.find("a", role="doc-backlink").get("aria-label") for item in note_items(page)]
    assert all(digit in label for digit, label in zip(digits, labels, strict=True))
    # The ids stay ASCII, so links work whatever the script.
    assert [ref.get("href") for ref in references(page)] == ["#note-1", "#note-2"]


def test_no_notes_no_section(client):
    article = make_article("No Notes", body="<p>Plain.</p>")
    page = get_page(client, article.get_absolute_url())
    assert page.find_all("section", cls="notes") == []
    assert references(page) == []


def test_the_preview_numbers_the_notes(client, editor):
    article = make_article("Draft Notes", published=False, body=BODY)
    client.force_login(editor)
    page = parse(client.get(f"/preview/articles/{article.pk}"))
    assert [ref.text for ref in references(page)] == ["1", "2"]
    assert len(note_items(page)) == 2


def test_the_page_costs_the_same_queries_with_30_notes(client, cache_miss):
    plain = make_article("Zero Notes", body="<p>Text.</p>")
    noted = make_article(
        "Thirty Notes",
        body="".join(f'<p>Point {n}.<span data-note="">Source {n}.</span></p>' for n in range(30)),
    )
    zero, _response = count_queries(client, plain.get_absolute_url())
    thirty, response = count_queries(client, noted.get_absolute_url())
    assert len(note_items(parse(response))) == 30
    assert thirty == zero <= ARTICLE_PAGE_BUDGET
