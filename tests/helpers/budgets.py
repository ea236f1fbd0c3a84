"""
What the query budget tests of the public pages share (test_query_budget_pages.py,
test_query_budget_files.py): a World of public content of every kind, small at first
and grown by grow() at the same addresses, and the measure of each page's queries on
a cache miss with the small world and with the grown one, made once for a module.
"""

import contextlib
import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from articles.models import ArticleAuthor, Feature, HomeFeature
from tests.helpers.factories import (
    make_article,
    make_event,
    make_expert,
    make_guest,
    make_program,
    make_publication_type,
    make_region,
    make_topic,
    make_translation,
    unique,
)
from tests.helpers.htmlpage import parse

# Queries of the article page on a cache miss, at the most (test_query_budget*.py): a
# body with figures and internal links costs one query for each (none without).
ARTICLE_PAGE_BUDGET = 9

LANGUAGES = ("en", "ar")
PREFIX = {"en": "", "ar": "/ar"}
# A word in the title of much of the World's work, for the search pages.
WORD = "Albatross"
# What a page shows many of: cards, feed items, sitemap entries, list items.
SHOWN = re.compile(rb"<(?:article|item|entry|url|sitemap|li)[\s>]")


def count_queries(client, url, status=200, *, clear_cache=True):
    """
    (queries, response) of one GET of `url`, which must answer `status`: on an empty
    cache, or with `clear_cache=False` on the cache as the test left it (what the app
    keeps there warm, a page cached earlier served from it).
    """
    if clear_cache:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return len(queries), response


def page_queries(client, url, status=200, **options):
    """(queries, parsed page) of one GET of `url`, as count_queries."""
    count, response = count_queries(client, url, status, **options)
    return count, parse(response)


class World:
    """
    A program with experts, a topic, a region with a sub-region, a publication type,
    a piece and an event at the same slug in each of LANGUAGES, and work in each on
    all of them (by the program's expert, colleagues and a guest), events upcoming and
    past, features on the home, topic and region pages, translations. grow()
    adds much more of each, at the same addresses.
    """

    def __init__(self):
        self.program = make_program("Budget Program", slug="budget-program")
        self.expert = make_expert(
            "Budget Expert", slug="budget-expert", program=self.program, photo=True
        )
        self.topic = make_topic("Budget Topic", slug="budget-topic")
        self.region = make_region("Budget Region", slug="budget-region")
        self.country = make_region("Budget Country", slug="budget-country", parent=self.region)
        self.kind = make_publication_type("Brief Analysis")
        self.expert.topics.add(self.topic)
        self.expert.regions.add(self.country)
        self.pieces, self.events = [], []
        for language in LANGUAGES:
            self.pieces.append(
                make_article(
                    f"Budget {WORD} piece {language}",
                    slug="budget-piece",
                    language=language,
                    translation_of=self.pieces[0] if self.pieces else None,
                    publication_type=self.kind,
                    authors=[self.expert, make_guest()],
                    topics=[self.topic],
                    regions=[self.country],
                )
            )
            self.events.append(
                make_event(
                    f"Budget {WORD} event {language}",
                    slug="budget-event",
                    language=language,
                    translation_of=self.events[0] if self.events else None,
                    authors=[self.expert, make_guest()],
                )
            )
        self.add(1, authors=1, events=1)

    def add(self, count, *, authors, events, topics=1):
        """`count` pieces in each language and `events` upcoming and past ones in each."""
        now = timezone.now()
        colleagues = [make_expert(program=self.program) for _ in range(authors)]
        for language in LANGUAGES:
            for index in range(count):
                article = make_article(
                    f"{unique(WORD)} {language}",
                    language=language,
                    publication_type=self.kind if index % 2 else None,
                    authors=[self.expert, *colleagues, make_guest()],
                    topics=[self.topic, *(make_topic() for _ in range(topics - 1))],
                    regions=[self.country if index % 2 else self.region],
                    recommendations=self.pieces[:1] if index % 3 == 0 else [],
                )
                if language == "en" and index % 4 == 0:
                    make_translation(article, "ar")
                if index % 5 == 0:
                    HomeFeature.objects.create(article=article, position=index)
                    Feature.objects.create(article=article, topic=self.topic, position=index)
                    Feature.objects.create(article=article, region=self.region, position=index)
            for days in range(1, events + 1):
                for start in (now + timedelta(days=days), now - timedelta(days=days)):
                    make_event(
                        f"{unique(WORD)} event",
                        language=language,
                        start=start,
                        authors=[self.expert, *colleagues[:2], make_guest()],
                        topics=[self.topic],
                    )

    def grow(self):
        """Much more of everything: work, authors, events, types, sub-regions, experts."""
        self.add(30, authors=4, events=25, topics=3)
        for index in range(6):
            subregion = make_region(f"Budget sub-region {index}", parent=self.region)
            make_article(f"{unique(WORD)} on a sub-region", regions=[subregion])
            make_topic()
            make_publication_type(f"Budget Type {index}")
            program = make_program()
            for _ in range(3):
                make_expert(program=program, photo=index == 0).topics.add(self.topic)
        for piece in [*self.pieces, *self.events]:  # six more on each byline, after the two
            ArticleAuthor.objects.bulk_create(
                ArticleAuthor(article=piece, expert=make_expert(), position=position)
                for position in range(2, 8)
            )
        for _ in range(8):
            self.expert.links.create(url=f"https://example.org/{unique('link')}")


@dataclass
class Measures:
    """Each page's queries (and how many things it shows), with the small and grown World."""

    small: dict = field(default_factory=dict)
    large: dict = field(default_factory=dict)
    small_shown: dict = field(default_factory=dict)
    large_shown: dict = field(default_factory=dict)
    # Pages past the first, with the grown World only (the small one has one page).
    deep: dict = field(default_factory=dict)

    def assert_flat(self, urls, budget):
        """Each of `urls`: as many queries with little data as with much, and at most `budget`."""
        counts = {url: (self.small[url], self.large[url]) for url in urls}
        grown = {url: pair for url, pair in counts.items() if pair[0] != pair[1]}
        assert not grown, f"queries grew with the data (small, large): {grown}"
        over = {url: pair[1] for url, pair in counts.items() if pair[1] > budget}
        assert not over, f"over the budget of {budget}: {over}"

    def assert_shows_more(self, urls):
        """The grown World really shows more on each of `urls`: the count was of much data."""
        same = [url for url in urls if self.large_shown[url] <= self.small_shown[url]]
        assert not same, f"shows no more with the grown world: {same}"


def _measure_all(client, urls, measures, small):
    counts, shown = (
        (measures.small, measures.small_shown) if small else (measures.large, measures.large_shown)
    )
    for url, status in urls.items():
        counts[url], response = count_queries(client, url, status)
        shown[url] = len(SHOWN.findall(response.content))


@contextlib.contextmanager
def measured(django_db_blocker, urls, deep=()):
    """
    Measures of `urls` ({url: status}) with a small World, then with it grown, and of
    the `deep` pages with it grown, on a cache miss (no page cache, the cache cleared
    before each request); everything is rolled back at the end.
    """
    measures = Measures()
    with django_db_blocker.unblock(), override_settings(PAGE_CACHE_SECONDS=0):
        # Only a module of tests marked django_db has the test database set up by now:
        # never write a World into the development one.
        name = str(connection.settings_dict["NAME"])
        assert "memory" in name or "test" in name, f"not a test database: {name}"
        outer = transaction.atomic()
        outer.__enter__()
        try:
            client = Client()
            world = World()
            _measure_all(client, urls, measures, small=True)
            world.grow()
            _measure_all(client, urls, measures, small=False)
            for url in deep:
                measures.deep[url], _response = count_queries(client, url)
            yield measures
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()


# Queries of the admin's home page with the editorial dashboard, at the most (session,
# user, permissions, its lists, one count per problem check, Django's recent actions):
# test_dashboard_page.py.
DASHBOARD_BUDGET = 21
