"""
Query budgets: a page's number of queries does not grow with what it shows.

Each test renders the same page for a small and a large amount of related data,
counts the queries of each request and asserts the counts are equal (and, for the
article page, at most ARTICLE_PAGE_BUDGET).
"""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    make_article,
    make_event_type,
    make_expert,
    make_guest,
    make_program,
    make_region,
    make_topic,
)
from tests.htmlpage import parse

pytestmark = pytest.mark.django_db

ARTICLE_PAGE_BUDGET = 12

# Languages beyond the three configured, so an article can have five translations.
EVENT_START = datetime(2023, 12, 14, 16, 0, tzinfo=UTC)

EXTRA_LANGUAGES = [("he", "Hebrew"), ("ur", "Urdu"), ("fr", "French"), ("de", "German")]


def count_queries(client, url):
    """The number of queries one GET of `url` makes (which must answer 200)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries), response


def build_article(label, *, authors=1, taxonomy=1, recommendations=0, translations=0, languages=()):
    """An article with the given number of each related thing; every author has a program."""
    program = make_program()
    experts = [make_expert(photo=index == 0, program=program) for index in range(authors)]
    topics = [make_topic() for _ in range(taxonomy)]
    parent = make_region()
    regions = [make_region(parent=parent) for _ in range(taxonomy)]
    picks = []
    for index in range(recommendations):
        pick_authors = [make_expert(program=program), make_guest(), make_expert()]
        publication_type = make_event_type() if index == 0 else None
        extra = {}
        if publication_type is not None:
            extra = {
                "event_start": EVENT_START,
                "event_time_zone": "America/New_York",
                "event_is_online": True,
            }
        picks.append(make_article(authors=pick_authors, publication_type=publication_type, **extra))
    article = make_article(
        f"Budget {label}",
        authors=experts,
        topics=topics,
        regions=regions,
        recommendations=picks,
        outlet_name="19FortyFive",
        outlet_url="https://example.org/original",
        footer_note="<p>Footer.</p>",
    )
    for code in list(languages)[:translations]:
        make_article(f"Budget {label} {code}", language=code, translation_of=article)
    # Related work on the same topic, as any real archive has: the "Recommended"
    # sidebar fills with it when the editors picked fewer than three.
    make_article(f"Budget {label} neighbour", topics=topics[:1])
    return article


@pytest.fixture
def many_languages(settings):
    settings.LANGUAGES = [*settings.LANGUAGES, *EXTRA_LANGUAGES]
    return [code for code, _name in settings.LANGUAGES if code != "en"]


def test_five_translations_render_with_extended_languages(client, many_languages):
    """The app copes with more languages than configured by default (as the budget needs)."""
    article = build_article("langs", translations=5, languages=many_languages)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    page = parse(response)
    versions = page.section("Also available in")
    assert [link.get("hreflang") for link in versions.links()] == many_languages[:5]
    assert [link.text for link in versions.links()] == [
        "العربية",
        "فارسی",
        "עברית",
        "اردو",
        "français",
    ]
    # Each translation is a page of its own, with the right direction.
    hebrew = parse(client.get("/he/policy-analysis/budget-langs-he"))
    assert (hebrew.find("html").get("lang"), hebrew.find("html").get("dir")) == ("he", "rtl")


def test_article_page_queries_are_flat_and_within_budget(
    client, many_languages, django_assert_max_num_queries
):
    small = build_article("small", authors=1, taxonomy=1, recommendations=0, translations=0)
    large = build_article(
        "large",
        authors=8,
        taxonomy=12,
        recommendations=6,
        translations=5,
        languages=many_languages,
    )
    with django_assert_max_num_queries(ARTICLE_PAGE_BUDGET):
        small_count, small_response = count_queries(client, small.get_absolute_url())
    with django_assert_max_num_queries(ARTICLE_PAGE_BUDGET):
        large_count, response = count_queries(client, large.get_absolute_url())

    # The large page really shows everything that was counted.
    page = parse(response)
    assert len(page.find(cls="article__byline").links()) == 8
    assert len(page.section("Topics").links()) == 12
    assert len(page.section("Regions & Countries").links()) == 12
    assert len(page.section("Recommended").find_all(cls="card")) == 6
    assert len(page.section("Also available in").links()) == 5
    for card in page.section("Recommended").find_all(cls="card"):
        assert len(card.find(cls="card__byline").find_all("bdi")) == 3
    # The small page's sidebar was filled with related work, within the same count.
    small_page = parse(small_response)
    assert [
        card.find("a").text for card in small_page.section("Recommended").find_all(cls="card")
    ] == ["Budget small neighbour"]
    assert small_count == large_count


@pytest.mark.parametrize(
    "small, large",
    [
        ({"authors": 1}, {"authors": 8}),
        ({"taxonomy": 1}, {"taxonomy": 12}),
        ({"recommendations": 0}, {"recommendations": 6}),
        ({"translations": 0}, {"translations": 5}),
    ],
    ids=["authors", "topics-and-regions", "recommendations", "translations"],
)
def test_article_page_queries_do_not_grow_with_each_relation(
    client, many_languages, django_assert_max_num_queries, small, large
):
    first = build_article("one", languages=many_languages, **small)
    second = build_article("two", languages=many_languages, **large)
    with django_assert_max_num_queries(ARTICLE_PAGE_BUDGET):
        first_count, _response = count_queries(client, first.get_absolute_url())
    with django_assert_max_num_queries(ARTICLE_PAGE_BUDGET):
        second_count, _response = count_queries(client, second.get_absolute_url())
    assert first_count == second_count


def test_arabic_article_page_is_within_budget(client, django_assert_max_num_queries):
    original = build_article("orig", authors=3, taxonomy=3, recommendations=3)
    arabic = make_article("Budget Arabic", language="ar", translation_of=original)
    with django_assert_max_num_queries(ARTICLE_PAGE_BUDGET):
        count_queries(client, arabic.get_absolute_url())


# --- lists ------------------------------------------------------------------------


def populate(count, authors_each, *, language="en", topic=None, region=None, expert=None):
    """`count` articles, each by `authors_each` authors (the first is `expert` if given)."""
    program = make_program()
    for _ in range(count):
        authors = [make_expert(program=program) for _ in range(authors_each)]
        if expert is not None:
            authors[0] = expert
        make_article(
            language=language,
            authors=authors,
            topics=[topic] if topic else [],
            regions=[region] if region else [],
        )


def compare(client, url, grow):
    """Queries for `url` with little data, then after `grow()` added much more: equal."""
    small_count, response = count_queries(client, url)
    small_cards = len(parse(response).find_all(cls="card"))
    grow()
    large_count, response = count_queries(client, url)
    large_cards = len(parse(response).find_all(cls="card"))
    assert large_cards > small_cards  # the page really shows more
    assert small_count == large_count
    return large_count


def test_home_page_queries_are_flat(client):
    populate(1, 1)
    count = compare(client, "/", lambda: populate(25, 5))
    assert count <= 6


def test_arabic_home_page_queries_are_flat(client):
    populate(1, 1, language="ar")
    compare(client, "/ar/", lambda: populate(12, 4, language="ar"))


def test_topic_page_queries_are_flat(client):
    topic = make_topic("Budget Topic")
    populate(1, 1, topic=topic)
    count = compare(client, "/policy-analysis/budget-topic", lambda: populate(25, 5, topic=topic))
    # The slug (an article? a topic?), the count, the page, its bylines, the editors'
    # picks and the top experts (tests/test_landing_pages.py counts the picks' bylines).
    assert count <= 7


def test_region_page_queries_are_flat(client):
    middle_east = make_region("Budget Middle East")
    levant = make_region("Budget Levant", parent=middle_east)
    israel = make_region("Budget Israel", parent=levant)
    populate(1, 1, region=israel)

    def grow():
        for index in range(10):
            make_region(f"Budget Country {index}", parent=levant)
        populate(12, 4, region=israel)
        populate(12, 4, region=levant)

    count = compare(client, "/policy-analysis/budget-middle-east", grow)
    # As a topic's page, plus the region lookup, the region tree (for the list, the
    # top experts, and the breadcrumb and sub-regions): 11.
    assert count <= 11


def test_expert_page_queries_are_flat(client):
    expert = make_expert("Budget Expert", program=make_program())
    populate(1, 1, expert=expert)

    def grow():
        populate(12, 5, expert=expert)
        populate(12, 3, expert=expert, language="ar")

    count = compare(client, "/experts/budget-expert", grow)
    # The expert, their topics, regions and links, the publication types, the count,
    # the page of publications, upcoming and past events, and every byline at once.
    assert count <= 10
