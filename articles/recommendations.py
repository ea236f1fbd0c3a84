"""
The "Recommended" sidebar: the editors' picks first, then related work to fill it.

Related work is ranked in the database, in one query whose cost follows the
article's own authors, topics and regions, not the size of the archive. The
candidates are, for each kind of link, the CANDIDATES most recent published pieces
sharing an author with the article, as many sharing a topic and as many sharing a
region, in the page's language; when those are fewer than the sidebar needs, the
same in any language. Each is a walk down the index of published work by date
(article_newest_in_language, article_newest) that stops when it has found them, so
a topic with 20,000 pieces costs what one with 200 does. Each candidate then scores
AUTHOR_WEIGHT per shared author, TOPIC_WEIGHT per shared topic, REGION_WEIGHT per
shared region, and RECENT_BONUS if it appeared within RECENT_DAYS. Work in the
page's language comes first where there is any; the article itself and its other
language versions never come back.

What the bound changes: an older piece is only a candidate while it is among the
CANDIDATES latest of the work sharing its author (or topic, or region). Once it is
not, at least CANDIDATES newer pieces share that link, each scoring at least that
link's weight, and they fill the sidebar before anything that shares less.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import connection
from django.db.models import Aggregate, CharField, OuterRef, Subquery
from django.utils import timezone

from articles.models import Article, ArticleAuthor

SIDEBAR_SIZE = 3
AUTHOR_WEIGHT = 3
TOPIC_WEIGHT = 2
REGION_WEIGHT = 1
RECENT_BONUS = 1
RECENT_DAYS = 365
# Candidates per kind of link (authors, topics, regions), at least SIDEBAR_SIZE.
CANDIDATES = 20


def sidebar(article, pick_ids, language):
    """
    The sidebar's articles: the editors' published picks (`pick_ids`, in order), then
    related work up to SIDEBAR_SIZE. Two queries whether or not the picks fill it
    (the ranking, then every row at once), so the page's count stays flat.
    """
    fill = related_ids(
        article, language=language, limit=max(SIDEBAR_SIZE - len(pick_ids), 0), exclude=pick_ids
    )
    ids = [*pick_ids, *fill]
    rows = Article.objects.select_related("publication_type").in_bulk(ids)
    return [rows[pk] for pk in ids if pk in rows]


class _IdList(Aggregate):
    """The ids of a group as text, "3,17,86" (GROUP_CONCAT; STRING_AGG on PostgreSQL)."""

    function = "GROUP_CONCAT"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s(CAST(%(expressions)s AS text), ',')",
            **extra_context,
        )


def with_author_ids(articles):
    """
    `articles` annotated with `related_author_ids`, the ids of each one's authors, so
    that related_ids() can name them in its query (the database plans each walk by
    how much work those authors have) without a query of its own.
    """
    authors = (
        ArticleAuthor.objects.filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(ids=_IdList("expert_id"))
        .values("ids")
    )
    return articles.annotate(related_author_ids=Subquery(authors))


def _author_ids(article):
    ids = getattr(article, "related_author_ids", None)
    if ids is None and not hasattr(article, "related_author_ids"):  # not annotated: read them
        return list(
            ArticleAuthor.objects.filter(article=article).values_list("expert_id", flat=True)
        )
    return [int(pk) for pk in (ids or "").split(",") if pk]


def _version_ids(article):
    """The article's published language versions (itself included), which never come back."""
    versions = getattr(article.translation_set, "published_versions", None)
    if versions is None:  # not fetched with for_page(): read them
        versions = Article.objects.published().filter(translation_set=article.translation_set_id)
    return [version.pk for version in versions]


def _marks(values):
    return ", ".join(["%s"] * len(values))


@dataclass
class _Shared:
    """One kind of link the article has (its authors, topics or regions): `ids`."""

    model: type
    name: str
    weight: int
    ids: list

    def latest(self, published, count, language=None):
        """(sql, params): the ids of the `count` latest of `published` sharing one of `ids`."""
        links = self.model.objects.filter(**{f"{self.name}__in": self.ids}).values("article_id")
        work = published.filter(pk__in=links)
        if language is not None:
            work = work.in_language(language)
        return work.newest_first().values("pk")[:count].query.sql_with_params()

    def score_sql(self):
        """SQL of this link's part of the score of candidate `c.id`, with `ids` to pass."""
        quote, meta = connection.ops.quote_name, self.model._meta
        return (
            f"{self.weight} * (SELECT COUNT(*) FROM {quote(meta.db_table)} link"  # noqa: S608
            f" WHERE link.{quote(meta.get_field('article').column)} = c.id"
            f" AND link.{quote(meta.get_field(self.name).column)} IN ({_marks(self.ids)}))"
        )


def _union(queries):
    """(sql, params) of the UNION of `queries` (each a (sql, params) of one column)."""
    if not queries:  # nothing shared, nothing related (still a query: the page's count is flat)
        table = connection.ops.quote_name(Article._meta.db_table)
        return f"SELECT id FROM {table} WHERE 1 = 0", []  # noqa: S608
    sql = " UNION ".join(
        f"SELECT * FROM ({sql}) AS walk{index}"  # noqa: S608 - the querysets' own SQL
        for index, (sql, _params) in enumerate(queries)
    )
    return sql, [param for _sql, params in queries for param in params]


def related_ids(article, *, language, limit, exclude=()):
    """The ids of up to `limit` published articles most related to `article`, best first."""
    shared = [
        _Shared(ArticleAuthor, "expert", AUTHOR_WEIGHT, _author_ids(article)),
        _Shared(
            Article.topics.through, "topic", TOPIC_WEIGHT, [t.pk for t in article.topics.all()]
        ),
        _Shared(
            Article.regions.through, "region", REGION_WEIGHT, [r.pk for r in article.regions.all()]
        ),
    ]
    shared = [link for link in shared if link.ids]
    excluded = sorted({*_version_ids(article), *exclude})
    # An excluded piece may be among a walk's finds: each walk goes that much further,
    # so that it still gives CANDIDATES others (and needs no filter of its own, which
    # would make it read the rows, not only the index).
    count = CANDIDATES + len(excluded)
    published = Article.objects.published()
    own_sql, own_params = _union([link.latest(published, count, language) for link in shared])
    any_sql, any_params = _union([link.latest(published, count) for link in shared])

    def eligible(column):
        return f"{column} NOT IN ({_marks(excluded)})" if excluded else "1 = 1"

    score = " + ".join(link.score_sql() for link in shared) or "0"
    # The candidates in the page's language, and in any language only when those are
    # fewer than the sidebar needs (the database skips those walks otherwise). Only
    # table and column names from the models, constant weights and the querysets' own
    # SQL are written into it; every value is a parameter.
    sql = (
        f"WITH own_language (id) AS ({own_sql}), "  # noqa: S608
        f"candidates (id) AS (SELECT id FROM own_language UNION SELECT * FROM ({any_sql}) AS other"
        f" WHERE (SELECT COUNT(*) FROM own_language WHERE {eligible('id')}) < %s) "
        f"SELECT c.id FROM candidates c"
        f" JOIN {connection.ops.quote_name(Article._meta.db_table)} p ON p.id = c.id"
        f" WHERE {eligible('c.id')}"
        " ORDER BY CASE WHEN p.language = %s THEN 0 ELSE 1 END,"
        f" {score} + CASE WHEN p.published_at >= %s THEN %s ELSE 0 END DESC,"
        " p.published_at DESC, c.id DESC"
        " LIMIT %s"
    )
    recent = timezone.now() - timedelta(days=RECENT_DAYS)
    params = [
        *own_params,
        *any_params,
        *excluded,
        limit,
        *excluded,
        language,
        *(pk for link in shared for pk in link.ids),
        connection.ops.adapt_datetimefield_value(recent),
        RECENT_BONUS,
        limit,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]
