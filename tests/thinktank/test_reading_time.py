"""
The time a query reads the database at (thinktank.reading_time): now when the query
runs, not when it was built; compiled as a marker, the same query read at two times
has one name, which the page cache keeps a list's count under (thinktank.pagination).
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from tests.helpers.factories import in_future, make_article
from tests.helpers.htmlpage import parse
from thinktank import reading_time

pytestmark = pytest.mark.django_db


def named(queryset):
    with reading_time.as_marker():
        return queryset.query.get_compiler(using=queryset.db).as_sql()


def test_a_query_reads_at_the_time_it_runs_not_when_it_was_built(clock):
    make_article("Out last week", published_at=in_future(days=-7))
    make_article("Out tomorrow", published_at=in_future(days=1))
    published = Article.objects.published()
    assert published.count() == 1
    clock(days=1, seconds=1)
    assert published.count() == 2


def test_the_same_query_read_at_two_times_has_one_name_and_others_their_own(clock):
    built_now = Article.objects.published().filter(language="en")
    clock(hours=5)
    built_later = Article.objects.published().filter(language="en")
    sql, params = named(built_now)
    assert (sql, params) == named(built_later)
    assert reading_time.MARKER in params
    assert named(Article.objects.published().filter(language="ar")) != (sql, params)
    assert named(Article.objects.filter(published_at__lte=timezone.now())) != (sql, params)
    # Outside as_marker, each compiles to its own time.
    assert reading_time.MARKER not in built_now.query.get_compiler(using="default").as_sql()[1]


def counts(client, url):
    with CaptureQueriesContext(connection) as queries:
        page = parse(client.get(url))
    counted = [query for query in queries.captured_queries if "COUNT(" in query["sql"]]
    return len(counted), page.find("p", cls="results-count").text.strip()


def test_a_lists_count_is_kept_across_requests_until_a_scheduled_piece_goes_live(client, clock):
    make_article("Out last week", published_at=in_future(days=-7))
    make_article("Out yesterday", published_at=in_future(days=-1))
    make_article("Out soon", published_at=timezone.now() + timedelta(minutes=8))
    assert counts(client, "/policy-analysis") == (1, "2 pieces")
    clock(minutes=5)
    assert counts(client, "/policy-analysis?page-miss=1") == (0, "2 pieces")
    clock(minutes=3, seconds=1)
    assert counts(client, "/policy-analysis?page-miss=2") == (1, "3 pieces")
