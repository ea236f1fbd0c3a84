"""Full-text search of articles behind one interface for PostgreSQL and SQLite.
See docs/search.md."""

from django.db import connections, router
from django.db.models import F

from articles.models import Article
from articles.models.publishing import INDEXED_FIELDS
from articles.search import postgres, sqlite
from articles.search.query import parse


def _backend(connection):
    return postgres if connection.vendor == "postgresql" else sqlite


def _connection(articles):
    alias = getattr(articles, "db", None) or router.db_for_write(Article)
    return connections[alias]


def index_articles(articles):
    """(Re)compute the index of `articles` (a queryset, or ids); returns how many."""
    connection = _connection(articles)
    backend = _backend(connection)
    if backend is postgres:
        if hasattr(articles, "query"):
            ids_sql, params = articles.order_by().values("pk").query.sql_with_params()
            params = list(params)
        else:
            ids = [int(pk) for pk in articles]
            if not ids:
                return 0
            ids_sql, params = "SELECT unnest(%s::bigint[])", [ids]
        return backend.index(connection, ids_sql, params)
    if hasattr(articles, "query"):
        articles = articles.values_list("pk", flat=True)
    ids = sorted({int(pk) for pk in articles})
    return backend.index(connection, ids) if ids else 0


def index_all(connection=None):
    """Index every article (after a migration, or to rebuild the index)."""
    articles = Article.objects.all()
    if connection is not None:
        articles = articles.using(connection.alias)
    return index_articles(articles)


def remove_articles(ids, connection=None):
    """Drop deleted articles from an index kept apart from their rows (SQLite's)."""
    connection = connection or connections[router.db_for_write(Article)]
    ids = [int(pk) for pk in ids]
    if ids:
        _backend(connection).remove(connection, ids)


def search_articles(queryset, text, language=None):
    """The articles of `queryset` in `language` (None: every one) matching `text`
    (web-search syntax), with `search_rank`, best then newest first; none for an empty
    query."""
    if parse(text).is_empty:
        return queryset.none()
    if language:
        queryset = queryset.filter(language=language)
    connection = connections[queryset.db]
    found = _backend(connection).search(queryset, text, language)
    return found.order_by("-search_rank", F("published_at").desc(nulls_last=True), "-pk")


def listed_in_order(ids):
    """The articles `ids`, in that order, with what a list item shows (one page's worth)."""
    if not ids:
        return []
    found = {
        article.pk: article for article in Article.objects.filter(pk__in=ids).for_listing(text=True)
    }
    return [found[pk] for pk in ids if pk in found]


__all__ = [
    "INDEXED_FIELDS",
    "index_all",
    "index_articles",
    "listed_in_order",
    "remove_articles",
    "search_articles",
]
