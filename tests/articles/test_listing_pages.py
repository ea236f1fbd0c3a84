"""
The list at /policy-analysis, beyond its filters: 20 a page with the filters kept in the
page links, the filter form on a list of articles of its own (as search uses it), and
queries that do not grow with the page's articles, authors, topics or regions.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import selectors
from articles.filters import ArticleFilterForm
from articles.models import Article
from tests.helpers.budgets import count_queries
from tests.helpers.factories import (
    make_article,
    make_expert,
    make_guest,
    make_program,
    make_publication_type,
    make_region,
    make_topic,
)
from tests.helpers.htmlpage import get_page, parse
from tests.helpers.multilingual import card_titles

pytestmark = pytest.mark.django_db

URL = "/policy-analysis"


# --- pagination ---------------------------------------------------------------------


def many(count, **fields):
    start = timezone.now() - timedelta(days=1)
    for index in range(count):
        make_article(f"Piece {index:02d}", published_at=start - timedelta(hours=index), **fields)


def test_twenty_a_page_and_the_links_keep_the_filters(client):
    topic = make_topic("Paged")
    many(45, topics=[topic])
    first = get_page(client, f"{URL}?topic=paged&type=")
    assert card_titles(first) == [f"Piece {index:02d}" for index in range(20)]
    pagination = first.find("nav", cls="pagination")
    assert pagination.find("a", rel="next").get("href") == "?topic=paged&type=&page=2"
    third = get_page(client, f"{URL}?topic=paged&type=&page=3")
    assert card_titles(third) == [f"Piece {index:02d}" for index in range(40, 45)]
    assert third.find("nav", cls="pagination").find("a", rel="prev").get("href") == (
        "?topic=paged&type=&page=2"
    )
    assert "(page 3)" in third.find("title").text


def test_the_form_works_on_its_own_queryset():
    """Another page (search) can use the form on its own list of articles."""
    topic = make_topic("Own")
    one = make_article("One", topics=[topic])
    make_article("Two")
    make_article("Three", topics=[topic], language="ar")
    form = ArticleFilterForm({"topic": "own"}, language="en")
    assert list(form.filter(Article.objects.published())) == [one]
    form = ArticleFilterForm({"topic": "own", "language": "all"}, language="en")
    assert form.filter(Article.objects.published()).count() == 2
    unbound = ArticleFilterForm(language="ar")
    assert [a.title for a in unbound.filter(Article.objects.published())] == ["Three"]
    assert not unbound.is_filtered
    assert form.is_filtered


def test_the_forms_filters_are_the_selectors_keyword_filters():
    """`filters()` gives selectors.published_work what the URL asks for, the bad left out."""
    topic = make_topic("Own")
    one = make_article("One", topics=[topic])
    make_article("Two")
    three = make_article("Three", topics=[topic], language="ar")
    form = ArticleFilterForm({"topic": "own", "type": "no-such-type"}, language="en")
    assert list(selectors.published_work(**form.filters())) == [one]
    assert "type" in form.errors
    form = ArticleFilterForm({"topic": "own", "language": "all"}, language="en")
    assert form.filters()["language"] is None
    assert set(selectors.published_work(**form.filters())) == {one, three}


# --- queries ---------------------------------------------------------------------------


LISTING_BUDGET = 9


@pytest.mark.parametrize(
    "query",
    ["", "topic=t&region=r&expert=e&program=p&type=brief-analysis&from=2020-01-01"],
    ids=["unfiltered", "every-filter"],
)
@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_queries_are_flat(client, django_assert_max_num_queries, prefix, query):
    program = make_program("P", slug="p")
    expert = make_expert("E", slug="e", program=program)
    topic, region = make_topic("T", slug="t"), make_region("R", slug="r")
    brief = make_publication_type("Brief Analysis")
    language = prefix.strip("/") or "en"

    def grow(count, authors):
        for _index in range(count):
            others = [make_expert(program=program) for _ in range(authors)]
            make_article(
                language=language,
                publication_type=brief,
                authors=[expert, *others, make_guest()],
                topics=[topic],
                regions=[region],
            )

    grow(1, 0)
    small, response = count_queries(client, f"{prefix}{URL}?{query}", clear_cache=False)
    assert len(card_titles(parse(response))) == 1
    grow(30, 4)
    for _index in range(8):
        make_topic()
        make_region(parent=region)
    large, response = count_queries(client, f"{prefix}{URL}?{query}", clear_cache=False)
    assert len(card_titles(parse(response))) == 20
    assert small == large
    # The count, the page, its bylines, the options of the five selects, and one
    # look-up of each slug asked for (with the region tree).
    with django_assert_max_num_queries(LISTING_BUDGET + (6 if query else 0)):
        client.get(f"{prefix}{URL}?{query}")
