"""
Query budgets of the public HTML pages, on a cache miss: each page makes as many
queries with little data as with much (more work, authors, events, types, topics,
sub-regions, experts, programs, links), in English and in Arabic, and at most its
stated budget. Every page is measured once for the module, with a small World and
with it grown (tests/helpers/budgets.py); the article page's budget is in test_query_budget.py,
and the feeds', sitemaps', citations' and calendars' in test_query_budget_files.py.
"""

import pytest

from tests.helpers.budgets import PREFIX, WORD, measured

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cache_miss")]

EVERY_FILTER = (
    "topic=budget-topic&region=budget-region&expert=budget-expert&program=budget-program"
    "&type=brief-analysis&from=2020-01-01&to=2030-01-01"
)

# family: (addresses without the language prefix, budget, whether the grown World
# shows more there). What each budget is made of is said beside it.
PAGES = {
    # The features, the latest of each type (one windowed query), the upcoming
    # events, every byline at once.
    "home": (["/"], 4, True),
    # The count, the page, its bylines, the options of the five filters.
    "listing": (["/policy-analysis"], 8, True),
    "listing, last page": (["/policy-analysis?page=last"], 8, False),
    # ... and one look-up of each slug asked for (the region with the region tree).
    "listing with every filter": ([f"/policy-analysis?{EVERY_FILTER}"], 14, True),
    # The slug (an article? a topic?), the count, the features and their bylines, the
    # page and its bylines (its cards' rows: articles.cards), the top experts.
    "topic": (["/policy-analysis/budget-topic"], 8, True),
    # The slug (an article? a topic? a region?), the region tree (breadcrumb,
    # sub-regions and the nested regions' ids at once), then as a topic's.
    "region": (["/policy-analysis/budget-region", "/policy-analysis/budget-country"], 10, True),
    # Upcoming events and their bylines; the past events' count, page and bylines.
    "events": (["/events"], 5, True),
    # The matches and their count in one query, the rows, their bylines, the filters.
    "search": ([f"/search?q={WORD}"], 8, True),
    # ... the last page asks for the count first.
    "search, last page": ([f"/search?q={WORD}&page=last"], 9, False),
    "search, nothing found": (["/search?q=xylophone"], 6, False),
    "search, no words": (["/search"], 5, False),
    # The experts (with their programs), and the filters' programs, topics, regions.
    "experts": (["/experts", "/experts?q=expert"], 4, True),
    # ... and one look-up of each slug asked for (the region with the region tree).
    "experts, by topic": (["/experts?topic=budget-topic"], 5, True),
    "experts, every filter": (
        ["/experts?program=budget-program&topic=budget-topic&region=budget-region&q=budget"],
        8,
        False,
    ),
    # The expert and program, their topics, regions and links, the publication types,
    # the count, the page and its bylines, the events' ids (upcoming and past at once,
    # kept with the page cache on), then each list's rows and their bylines.
    "expert profile": (
        ["/experts/budget-expert", "/experts/budget-expert?type=brief-analysis"],
        13,
        True,
    ),
    "programs": (["/programs"], 1, True),
    # The program, the count, its experts, the page of its work, the bylines.
    "program": (["/programs/budget-program"], 5, True),
}

# A missing page: the look-ups that find nothing (an article, a topic, a region, a
# former address of either), the old addresses of imported pages (one, on a 404 only:
# interchange/middleware.py), then the 404 page, which reads nothing.
NOT_FOUND = {
    "/nope": 1,
    "/policy-analysis/nope": 6,
    "/experts/nope": 2,
    "/programs/nope": 2,
}

# Pages past the first (the grown World's): no more than the first.
DEEP = {
    "listing": ["/policy-analysis?page=2"],
    "topic": ["/policy-analysis/budget-topic?page=2", "/policy-analysis/budget-topic?page=3"],
    "region": ["/policy-analysis/budget-region?page=2"],
    "events": ["/events?page=2"],
    "search": [f"/search?q={WORD}&page=2", f"/search?q={WORD}&page=3"],
    "expert profile": ["/experts/budget-expert?page=2", "/experts/budget-expert?page=3"],
}


def in_every_language(paths):
    return [PREFIX[language] + path for language in PREFIX for path in paths]


@pytest.fixture(scope="module")
def measures(django_db_setup, django_db_blocker):
    urls = {
        url: 200 for paths, _budget, _more in PAGES.values() for url in in_every_language(paths)
    }
    urls.update({url: 404 for url in in_every_language(NOT_FOUND)})
    deep = [url for paths in DEEP.values() for url in in_every_language(paths)]
    with measured(django_db_blocker, urls, deep) as measures:
        yield measures


@pytest.mark.parametrize("family", PAGES)
def test_page_queries_are_flat_and_within_budget(measures, family):
    paths, budget, shows_more = PAGES[family]
    urls = in_every_language(paths)
    measures.assert_flat(urls, budget)
    if shows_more:
        measures.assert_shows_more(urls)


@pytest.mark.parametrize("path", NOT_FOUND)
def test_not_found_queries_are_within_budget(measures, path):
    measures.assert_flat(in_every_language([path]), NOT_FOUND[path])


@pytest.mark.parametrize("family", DEEP)
def test_deep_pages_make_as_many_queries_as_the_first(measures, family):
    first_page = {"topic": 1, "region": 1}.get(family, 0)  # the features are on the first only
    budget = PAGES[family][1] - first_page
    counts = {url: measures.deep[url] for url in in_every_language(DEEP[family])}
    assert len(set(counts.values())) == 1, counts
    assert max(counts.values()) <= budget, counts


def test_arabic_pages_make_as_many_queries_as_english_ones(measures):
    for paths, _budget, _more in PAGES.values():
        for path in paths:
            assert measures.large[path] == measures.large[f"/ar{path}"], path
