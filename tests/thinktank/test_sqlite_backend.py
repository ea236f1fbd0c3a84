"""SQLite's planner statistics (thinktank.sqlite_backend): gathered as a connection that
used a table's indexes closes, once, so that the planner picks the selective index."""

import sqlite3

import pytest

from thinktank.sqlite_backend.base import DatabaseWrapper


@pytest.fixture(autouse=True)
def own_database(django_db_blocker):
    """These tests open SQLite files of their own, whatever database the suite runs on."""
    with django_db_blocker.unblock():
        yield


def opened(path, **options):
    """A connection of the site's backend to the SQLite file at `path`."""
    settings = {
        "ENGINE": "thinktank.sqlite_backend",
        "NAME": str(path),
        "OPTIONS": options,
        "TIME_ZONE": None,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "AUTOCOMMIT": True,
        "ATOMIC_REQUESTS": False,
    }
    return DatabaseWrapper(settings, alias="statistics")


def plan(database, sql):
    with database.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return " ".join(row[-1] for row in cursor.fetchall())


def statistics(path):
    with sqlite3.connect(path) as plain:
        return plain.execute("SELECT tbl, idx FROM sqlite_stat1 ORDER BY idx").fetchall()


# Many published rows with a handful of sets each: the status index matches nearly
# every row, the set's index one or two.
# An article page's query of its published versions, in miniature.
QUERY = (
    "SELECT id FROM piece WHERE published_at <= '2027' AND status = 'published'"
    " AND piece_set IN (7) ORDER BY language"
)


def test_the_planner_learns_which_index_is_selective_when_a_connection_closes(tmp_path):
    path = tmp_path / "site.sqlite3"
    with sqlite3.connect(path) as plain:
        plain.execute(
            "CREATE TABLE piece (id INTEGER PRIMARY KEY, status TEXT, published_at TEXT,"
            " piece_set INT, language TEXT)"
        )
        plain.execute("CREATE INDEX piece_newest ON piece (status, published_at)")
        plain.execute("CREATE INDEX piece_in_set ON piece (piece_set)")
        plain.executemany(
            "INSERT INTO piece VALUES (?, 'published', '2026', ?, 'en')",
            [(pk, pk // 2) for pk in range(5000)],
        )
    database = opened(path)
    assert "piece_newest" in plan(database, QUERY)  # a guess, before statistics
    database.close()
    assert ("piece", "piece_in_set") in statistics(path)
    database = opened(path)
    assert "piece_in_set" in plan(database, QUERY)
    database.close()


def test_a_closing_connection_that_cannot_analyze_still_closes(tmp_path, caplog):
    path = tmp_path / "site.sqlite3"
    database = opened(path, timeout=0)
    with database.cursor() as cursor:
        cursor.execute("CREATE TABLE piece (id INTEGER PRIMARY KEY, piece_set INT)")
        cursor.execute("CREATE INDEX piece_in_set ON piece (piece_set)")
        cursor.execute("SELECT id FROM piece WHERE piece_set = 1")
    with sqlite3.connect(path, timeout=0) as writer:
        writer.execute("BEGIN EXCLUSIVE")
        database.close()
        assert database.connection is None
    assert "statistics were not brought up to date" in caplog.text
