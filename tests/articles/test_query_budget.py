"""
Query budgets of the article page: on a cache miss, at most ARTICLE_PAGE_BUDGET
queries, and the same number whatever the page shows: 1 or 8 authors, 1 or 12
topics and regions, no recommendations or 6, no translation or 5, a hero image, an event, an
empty sidebar, a page in Arabic.

The page is one query for the article (with its type, its authors' and recommendations' ids),
one each for its topics, regions and published versions, one for the sidebar (recommendations
and related work, ranked, with their types) and one for every byline on the page.
The other pages' budgets are in test_query_budget_pages.py and test_query_budget_files.py.
"""

from datetime import UTC, datetime

import pytest

from tests.helpers.budgets import ARTICLE_PAGE_BUDGET, count_queries
from tests.helpers.factories import (
    image_upload,
    make_article,
    make_event,
    make_event_type,
    make_expert,
    make_guest,
    make_program,
    make_region,
    make_topic,
)
from tests.helpers.htmlpage import parse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cache_miss")]

EVENT_START = datetime(2023, 12, 14, 16, 0, tzinfo=UTC)

# Languages beyond the three configured, so an article can have five translations.
EXTRA_LANGUAGES = [("he", "Hebrew"), ("ur", "Urdu"), ("fr", "French"), ("de", "German")]


def build_article(
    label,
    *,
    authors=1,
    taxonomy=1,
    recommendations=0,
    translations=0,
    languages=(),
    neighbour=True,
    **fields,
):
    """An article with the given number of each related thing; every author has a program."""
    program = make_program()
    experts = [make_expert(photo=index == 0, program=program) for index in range(authors)]
    topics = [make_topic() for _ in range(taxonomy)]
    parent = make_region()
    regions = [make_region(parent=parent) for _ in range(taxonomy)]
    recommended = []
    for index in range(recommendations):
        recommended_authors = [make_expert(program=program), make_guest(), make_expert()]
        publication_type = make_event_type() if index == 0 else None
        extra = {}
        if publication_type is not None:
            extra = {
                "event_start": EVENT_START,
                "event_time_zone": "America/New_York",
                "event_is_online": True,
            }
        recommended.append(
            make_article(authors=recommended_authors, publication_type=publication_type, **extra)
        )
    fields.setdefault("outlet_name", "19FortyFive")
    fields.setdefault("outlet_url", "https://example.org/original")
    fields.setdefault("footer_note", "<p>Footer.</p>")
    article = make_article(
        f"Budget {label}",
        authors=experts,
        topics=topics,
        regions=regions,
        recommendations=recommended,
        **fields,
    )
    for code in list(languages)[:translations]:
        make_article(f"Budget {label} {code}", language=code, translation_of=article)
    if neighbour:
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


def test_article_page_queries_are_flat_and_within_budget(client, many_languages):
    small = build_article("small", authors=1, taxonomy=1, recommendations=0, translations=0)
    large = build_article(
        "large",
        authors=8,
        taxonomy=12,
        recommendations=6,
        translations=5,
        languages=many_languages,
    )
    small_count, small_response = count_queries(client, small.get_absolute_url())
    large_count, response = count_queries(client, large.get_absolute_url())

    # The large page really shows everything that was counted.
    page = parse(response)
    assert len(page.find(cls="article__byline").links()) == 8
    assert len(page.find_all(cls="author__program")) == 8
    assert len(page.find(cls="about-authors").find_all("picture")) == 1
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
    assert small_count == large_count <= ARTICLE_PAGE_BUDGET


def hero(label, **kwargs):
    article = build_article(label, **kwargs)
    article.hero_image = image_upload("hero.png", size=(700, 400))
    article.hero_image_alt = "A hero image"
    article.hero_image_credit = "Photo: someone"
    article.save()
    return article


def event(label, **kwargs):
    speakers = [make_expert(program=make_program(), photo=True), make_guest()]
    return make_event(f"Budget {label}", authors=speakers, topics=[make_topic()], **kwargs)


def arabic(label, **kwargs):
    original = build_article(label, authors=3, taxonomy=3, recommendations=3)
    return make_article(f"Budget {label} ar", language="ar", translation_of=original, **kwargs)


# Each builds a page; all of them make the same number of queries.
CASES = {
    "one author": lambda languages: build_article("one"),
    "eight authors": lambda languages: build_article("eight", authors=8),
    "twelve topics and regions": lambda languages: build_article("twelve", taxonomy=12),
    "six recommended": lambda languages: build_article("recommended", recommendations=6),
    "five translations": lambda languages: build_article(
        "versions", translations=5, languages=languages
    ),
    "hero image": lambda languages: hero("hero"),
    "event": lambda languages: event("event"),
    "nothing related": lambda languages: build_article("alone", neighbour=False),
    "no authors, topics or regions": lambda languages: make_article("Budget bare"),
    "in Arabic": lambda languages: arabic("arabic"),
}


def test_article_page_queries_are_the_same_in_every_case(client, many_languages):
    counts = {}
    for name, build in CASES.items():
        article = build(many_languages)
        counts[name], response = count_queries(client, article.get_absolute_url())
        page = parse(response)
        if name == "hero image":
            assert page.find(cls="article__hero").find("picture") is not None
        if name == "event":
            assert page.find(cls="article__calendar") is not None
        if name in ("nothing related", "no authors, topics or regions"):
            assert not page.find_all("section", aria_labelledby="recommended")
    assert len(set(counts.values())) == 1, counts
    assert max(counts.values()) <= ARTICLE_PAGE_BUDGET, counts


@pytest.mark.parametrize(
    "small, large",
    [
        ({"authors": 1}, {"authors": 8}),
        ({"taxonomy": 1}, {"taxonomy": 12}),
        ({"recommendations": 0}, {"recommendations": 6}),
        ({"recommendations": 0, "neighbour": False}, {"recommendations": 6}),
        ({"translations": 0}, {"translations": 5}),
    ],
    ids=["authors", "topics-and-regions", "recommendations", "empty-sidebar", "translations"],
)
def test_article_page_queries_do_not_grow_with_each_relation(client, many_languages, small, large):
    first = build_article("one", languages=many_languages, **small)
    second = build_article("two", languages=many_languages, **large)
    first_count, _response = count_queries(client, first.get_absolute_url())
    second_count, _response = count_queries(client, second.get_absolute_url())
    assert first_count == second_count <= ARTICLE_PAGE_BUDGET


def test_a_second_request_on_a_cleared_cache_makes_as_many(client):
    """Nothing kept in the process (a cached lookup) makes the first request cost more."""
    article = build_article("twice", authors=3, recommendations=2)
    first, _response = count_queries(client, article.get_absolute_url())
    second, _response = count_queries(client, article.get_absolute_url())
    assert first == second <= ARTICLE_PAGE_BUDGET
