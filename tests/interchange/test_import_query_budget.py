"""An import's queries grow by the same number for each further article, however many
come (benchmarks/import_wordpress.py measures the time): what records refer to (their
authors, topics, regions, the publication type) is looked up once an import, and the
importer's own writes take no savepoint and no second look-up."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interchange.importer import import_records
from tests.helpers.interchange import SOURCE, importer, publication_type
from tests.interchange.test_query_counts import article, referred

# Queries of one more imported article with two authors, topics, regions, tags, old
# addresses and links (SQLite; the articles' own services take most of them).
ARTICLE_BUDGET = 72


@pytest.fixture
def user(db):
    publication_type()
    user = importer()
    import_records(iter(referred(2)), source=SOURCE, user=user)
    return user


def queries_of(records, user):
    with CaptureQueriesContext(connection) as queries:
        report = import_records(iter(records), source=SOURCE, user=user)
    assert report.problems == []
    return queries


def test_each_further_article_costs_the_same_queries(user, django_assert_max_num_queries):
    counts = {}
    for size in (2, 4, 8):
        records = [article(2, f"s{size}-{n}") for n in range(size)]
        counts[size] = len(queries_of(records, user))
    each = (counts[4] - counts[2]) / 2
    assert counts[8] - counts[4] == 4 * each
    assert each <= ARTICLE_BUDGET
    with django_assert_max_num_queries(ARTICLE_BUDGET + (counts[2] - 2 * each)):
        import_records(iter([article(2, "one-more")]), source=SOURCE, user=user)


def test_what_articles_refer_to_is_looked_up_once_an_import(user):
    queries = queries_of([article(2, f"r{n}") for n in range(5)], user)
    for kind in ("expert", "topic", "region"):
        lookups = [
            query
            for query in queries
            if "interchange_sourcekey" in query["sql"] and f"= '{kind}'" in query["sql"]
        ]
        assert len(lookups) == 1, kind
    types = [query for query in queries if 'FROM "articles_publicationtype"' in query["sql"]]
    assert len(types) == 1


def test_the_importer_takes_no_savepoint_for_its_own_writes(user):
    queries = queries_of([article(2, "plain")], user)
    savepoints = [query for query in queries if query["sql"].startswith("SAVEPOINT")]
    # The record's own transaction (a savepoint inside the test's), article_save's and
    # article_set_relations': none for the key, the old addresses or a second look-up.
    assert len(savepoints) == 3
    key_reads = [
        query
        for query in queries
        if "interchange_sourcekey" in query["sql"]
        and "= 'article'" in query["sql"]
        and "FOR UPDATE" in query["sql"]
    ]
    assert key_reads == []
