"""Queries stay flat: an imported article costs the same number of queries whatever
it refers to, each further article the same however many come (new ones are written a
batch at a time; what records refer to is looked up once an import; the importer's own
writes take no savepoint), and the export's batch costs the same however many records
it holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interchange.export import export_site
from interchange.importer import import_records
from tests.helpers.interchange import SOURCE, article_record, importer, publication_type

SIZES = (1, 6)


def referred(size):
    """Records of `size` experts, topics and regions, and `size` articles to link to."""
    records = []
    for number in range(size):
        records += [
            {"kind": "expert", "id": f"e{number}", "name": f"Expert {number}"},
            {"kind": "topic", "id": f"t{number}", "name": {"en": f"Topic {number}"}},
            {"kind": "region", "id": f"r{number}", "name": {"en": f"Region {number}"}},
            {
                "kind": "article",
                "id": f"a{number}",
                "language": "en",
                "publication_type": "analysis",
                "title": f"Target {number}",
                "old_paths": [f"/old/{number}/"],
            },
        ]
    records.append({**article(size, "tagged"), "authors": [], "topics": [], "regions": []})
    return records


def article(size, record_id):
    links = "".join(
        f'<a data-link="article:a{n}">x</a><a href="/old/{n}/">y</a>' for n in range(size)
    )
    return article_record(
        record_id,
        summary="S.",
        body=f"<p>{links}</p>",
        status="published",
        published_at="2020-01-01T00:00:00Z",
        authors=[f"e{n}" for n in range(size)],
        topics=[f"t{n}" for n in range(size)],
        regions=[f"r{n}" for n in range(size)],
        old_paths=[f"/p/{record_id}/{n}" for n in range(size)],
        tags=[f"tag {n}" for n in range(size)],
    )


@pytest.fixture
def user(db):
    publication_type()
    user = importer()
    import_records(iter(referred(max(SIZES))), source=SOURCE, user=user)
    return user


def queries_of(records, user):
    return len(captured(records, user))


def test_an_article_costs_the_same_queries_whatever_it_refers_to(user):
    small, large = (queries_of([article(size, f"n{size}")], user) for size in SIZES)
    assert small == large


def test_an_unchanged_record_costs_a_few_queries_and_no_write(user):
    record = article(3, "same")
    queries_of([record], user)
    with CaptureQueriesContext(connection) as queries:
        import_records(iter([record]), source=SOURCE, user=user)
    assert len(queries) <= 3
    assert not any(q["sql"].startswith(("INSERT", "UPDATE", "DELETE")) for q in queries)


def test_the_export_costs_the_same_queries_however_many_records(user, tmp_path):
    def count():
        with CaptureQueriesContext(connection) as queries:
            for _record in export_site(tmp_path):
                pass
        return len(queries)

    import_records(iter([article(2, "x1")]), source=SOURCE, user=user)
    before = count()
    import_records(iter([article(2, f"x{n}") for n in range(2, 8)]), source=SOURCE, user=user)
    assert count() == before


# Queries of one more new article with two authors, topics, regions, tags, old
# addresses and links (SQLite): new articles are written a batch at a time
# (interchange/batch.py); only the links of a body are looked up an article at a time.
ARTICLE_BUDGET = 2
# Queries of an article imported before and changed since: written alone, through the
# articles' services.
CHANGED_ARTICLE_BUDGET = 72


def captured(records, user):
    with CaptureQueriesContext(connection) as queries:
        report = import_records(iter(records), source=SOURCE, user=user)
    assert report.problems == []
    return queries


def test_each_further_article_costs_the_same_queries(user, django_assert_max_num_queries):
    counts = {}
    for size in (2, 4, 8):
        records = [article(2, f"s{size}-{n}") for n in range(size)]
        counts[size] = len(captured(records, user))
    each = (counts[4] - counts[2]) / 2
    assert counts[8] - counts[4] == 4 * each
    assert each <= ARTICLE_BUDGET
    with django_assert_max_num_queries(ARTICLE_BUDGET + (counts[2] - 2 * each)):
        import_records(iter([article(2, "one-more")]), source=SOURCE, user=user)


def test_a_batch_of_new_articles_costs_the_same_queries_however_many_it_holds(user):
    def batch(prefix, size):
        return [{**article(2, f"{prefix}{n}"), "body": "<p>Text.</p>"} for n in range(size)]

    assert len(captured(batch("b", 3), user)) == len(captured(batch("c", 12), user))


def test_a_changed_article_is_written_alone_within_its_budget(user, django_assert_max_num_queries):
    record = article(2, "changing")
    captured([record], user)
    with django_assert_max_num_queries(CHANGED_ARTICLE_BUDGET):
        import_records(iter([{**record, "title": "Changed"}]), source=SOURCE, user=user)


def test_what_articles_refer_to_is_looked_up_once_an_import(user):
    queries = captured([article(2, f"r{n}") for n in range(5)], user)
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
    queries = captured([article(2, "plain")], user)
    savepoints = [
        number
        for number, query in enumerate(queries)
        if query["sql"].startswith("SAVEPOINT")
        # PostgreSQL's search index takes one of its own, for its SET LOCAL.
        and not queries[number + 1]["sql"].startswith("SET LOCAL")
    ]
    # The batch's transaction (a savepoint inside the test's) and articles_create's:
    # none for the keys, the old addresses or a second look-up.
    assert len(savepoints) == 2
    key_reads = [
        query
        for query in queries
        if "interchange_sourcekey" in query["sql"]
        and "= 'article'" in query["sql"]
        and "FOR UPDATE" in query["sql"]
    ]
    assert key_reads == []
