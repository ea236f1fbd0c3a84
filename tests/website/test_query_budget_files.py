"""
Query budgets of what the site serves besides its HTML pages, on a cache miss: every
feed (latest work, a topic's, a region's, an expert's, a type's; RSS and Atom), the
sitemap index and each of its sections, robots.txt, an article's citations (.bib,
.ris) and an event's calendar (.ics), in English and in Arabic where they differ.
Each makes as many queries with little data as with much, and at most its budget.
Measured once for the module, with a small World and with it grown (tests/helpers/budgets.py).
"""

import pytest

from tests.helpers.budgets import PREFIX, measured

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cache_miss")]

FORMATS = ("rss", "atom")

# family: (addresses without the language prefix, budget, whether the grown World
# shows more there, whether the address exists in each language).
FILES = {
    # The newest 50 items, their bylines, their topics (a feed's categories).
    "latest feed": ([f"/feeds/latest.{ext}" for ext in FORMATS], 3, True, True),
    # ... and the topic, the expert or the type itself.
    "topic feed": ([f"/feeds/topics/budget-topic.{ext}" for ext in FORMATS], 4, True, True),
    "expert feed": ([f"/feeds/experts/budget-expert.{ext}" for ext in FORMATS], 4, True, True),
    "type feed": ([f"/feeds/types/brief-analysis.{ext}" for ext in FORMATS], 4, True, True),
    # ... the region and its tree (the work on the regions nested under it).
    "region feed": ([f"/feeds/regions/budget-region.{ext}" for ext in FORMATS], 5, True, True),
    # For each section its latest change, and for the paginated ones their count.
    "sitemap index": (["/sitemap.xml"], 17, False, False),
    # The latest change, the count, the pieces with their published versions.
    "sitemap of articles": (
        ["/sitemap-articles.xml", "/sitemap-events.xml"],
        3,
        True,
        False,
    ),
    # The topics (regions: and the tree's latest changes) with their latest change.
    "sitemap of topics": (["/sitemap-topics.xml"], 1, True, False),
    "sitemap of regions": (["/sitemap-regions.xml"], 2, True, False),
    "sitemap of experts and programs": (
        ["/sitemap-experts.xml", "/sitemap-programs.xml"],
        1,
        True,
        False,
    ),
    # The latest change of all work and of the events; the directory's of its experts.
    "sitemap of pages": (["/sitemap-pages.xml", "/sitemap-directories.xml"], 2, False, False),
    "robots.txt": (["/robots.txt"], 0, False, False),
    # The piece with its type, its byline (which the grown World makes eight long).
    "citations": (
        ["/policy-analysis/budget-piece.bib", "/policy-analysis/budget-piece.ris"],
        2,
        False,
        True,
    ),
    # The event with its type, its speakers.
    "calendar": (["/events/budget-event.ics"], 2, False, True),
}


def addresses(family):
    paths, _budget, _shows_more, in_each_language = FILES[family]
    if not in_each_language:
        return list(paths)
    return [PREFIX[language] + path for language in PREFIX for path in paths]


@pytest.fixture(scope="module")
def measures(django_db_setup, django_db_blocker):
    urls = {url: 200 for family in FILES for url in addresses(family)}
    with measured(django_db_blocker, urls) as measures:
        yield measures


@pytest.mark.parametrize("family", FILES)
def test_queries_are_flat_and_within_budget(measures, family):
    _paths, budget, shows_more, _in_each_language = FILES[family]
    urls = addresses(family)
    measures.assert_flat(urls, budget)
    if shows_more:
        measures.assert_shows_more(urls)


def test_a_citation_names_every_author_of_the_grown_byline(client, measures):
    """The citations' count was of a byline of eight (the World's piece, grown)."""
    text = client.get("/policy-analysis/budget-piece.ris").content.decode()
    assert text.count("AU  - ") == 8
