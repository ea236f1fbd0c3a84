"""The "Recommended" sidebar of an article page, in one query. See docs/recommendations.md."""

import functools
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection
from django.db.models import (
    Aggregate,
    Case,
    CharField,
    F,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.utils import timezone

from articles.models import Article, ArticleAuthor, Recommendation
from articles.models.publishing import published_condition
from thinktank.sql_templates import Slots

SIDEBAR_SIZE = 3
AUTHOR_WEIGHT = 3
TOPIC_WEIGHT = 2
REGION_WEIGHT = 1
RECENT_BONUS = 1
RECENT_DAYS = 365
CANDIDATES = 20  # per kind of link, at least SIDEBAR_SIZE
CARD_FIELDS = (
    "title",
    "slug",
    "language",
    "publication_type",
    "published_at",
    "event_start",
    "event_time_zone",
)


def sidebar(article, language):
    """The editors' published recommendations in their order, then related work, up to
    SIDEBAR_SIZE articles with their type, in one query."""
    recommended = _recommended_ids(article)
    limit = max(SIDEBAR_SIZE - len(recommended), 0)
    shared = _shared_links(article)
    cards = Article.objects.select_related("publication_type").only(*CARD_FIELDS)
    if limit:
        sql, params = _candidates(
            article, shared, language=language, limit=limit, exclude=recommended
        )
        if recommended:
            table = connection.ops.quote_name(Article._meta.db_table)
            sql = f"{sql} UNION SELECT id FROM {table} WHERE id IN ({_marks(recommended)})"  # noqa: S608
            params = [*params, *recommended]
        cards = cards.filter(pk__in=RawSQL(sql, params))  # noqa: S611 - values are parameters
    else:
        cards = cards.filter(pk__in=recommended)
    cards = _ranked(cards, shared, language).annotate(
        recommendation_position=_for_recommended(article, recommended, "position"),
        recommendation_pk=_for_recommended(article, recommended, "id"),
    )
    cards = cards.order_by(
        F("recommendation_position").asc(nulls_last=True), "recommendation_pk", *RANKING
    )
    return list(cards[: len(recommended) + limit])


class _IdList(Aggregate):
    """The ids of a group as text, "3,17,86"."""

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


def with_sidebar_links(articles):
    """`articles` annotated with their authors' and published recommendations' ids, which
    sidebar() then needs no query for."""
    authors = (
        ArticleAuthor.objects.filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(ids=_IdList("expert_id"))
        .values("ids")
    )
    recommended = (
        Recommendation.objects.filter(
            published_condition("recommended_article__"), article=OuterRef("pk")
        )
        .order_by()
        .values("article")
        .annotate(ids=_IdList("recommended_article_id"))
        .values("ids")
    )
    return articles.annotate(
        related_author_ids=Subquery(authors), sidebar_recommended_ids=Subquery(recommended)
    )


def _parse_ids(text):
    return [int(pk) for pk in (text or "").split(",") if pk]


def author_ids(article):
    """The ids of the article's authors, the sidebar's author links."""
    if not hasattr(article, "related_author_ids"):  # not annotated: read them
        return list(
            ArticleAuthor.objects.filter(article=article).values_list("expert_id", flat=True)
        )
    return _parse_ids(article.related_author_ids)


def _recommended_ids(article):
    if not hasattr(article, "sidebar_recommended_ids"):  # not annotated: read them
        recommended = Recommendation.objects.filter(
            published_condition("recommended_article__"), article=article
        )
        return list(recommended.values_list("recommended_article_id", flat=True))
    return _parse_ids(article.sidebar_recommended_ids)


def _version_ids(article):
    """The ids of the article's published language versions, itself included."""
    versions = getattr(article.translation_set, "published_versions", None)
    if versions is None:  # not fetched with for_page(): read them
        versions = Article.objects.published().filter(translation_set=article.translation_set_id)
    return [version.pk for version in versions]


def _marks(values):
    return ", ".join(["%s"] * len(values))


@dataclass
class _Shared:
    """The article's `ids` of one kind of link (authors, topics or regions)."""

    model: type
    name: str
    weight: int
    ids: list

    def latest(self, published, count, language=None):
        """(sql, params) of the `count` latest of `published` sharing one of `ids`."""
        links = self.model.objects.filter(**{f"{self.name}__in": self.ids}).values("article_id")
        work = published.filter(pk__in=links)
        if language is not None:
            work = work.in_language(language)
        return work.newest_first().values("pk")[:count].query.sql_with_params()

    def score_sql(self, candidate):
        """SQL of this link's part of the score of `candidate` (an id's SQL)."""
        quote, meta = connection.ops.quote_name, self.model._meta
        return (
            f"{self.weight} * (SELECT COUNT(*) FROM {quote(meta.db_table)} link"  # noqa: S608
            f" WHERE link.{quote(meta.get_field('article').column)} = {candidate}"
            f" AND link.{quote(meta.get_field(self.name).column)} IN ({_marks(self.ids)}))"
        )


def _shared_links(article):
    shared = [
        _Shared(ArticleAuthor, "expert", AUTHOR_WEIGHT, author_ids(article)),
        _Shared(
            Article.topics.through, "topic", TOPIC_WEIGHT, [t.pk for t in article.topics.all()]
        ),
        _Shared(
            Article.regions.through, "region", REGION_WEIGHT, [r.pk for r in article.regions.all()]
        ),
    ]
    return [link for link in shared if link.ids]


# _ranked()'s annotations: the page's language, the score, then the latest.
RANKING = ("other_language", "-relatedness", "-published_at", "-pk")


def _ranked(articles, shared, language):
    """`articles` annotated for RANKING, in SQL: building expressions took longer than
    running them on a handful of rows."""
    recent = connection.ops.adapt_datetimefield_value(timezone.now() - timedelta(days=RECENT_DAYS))
    published_at = _column("published_at")
    score = " + ".join(link.score_sql(_column("id")) for link in shared) or "0"
    relatedness = f"{score} + CASE WHEN {published_at} >= %s THEN %s ELSE 0 END"
    return articles.annotate(
        other_language=Case(When(language=language, then=Value(0)), default=Value(1)),
        relatedness=RawSQL(  # noqa: S611 - names from the models, values as parameters
            relatedness,
            [*(pk for link in shared for pk in link.ids), recent, RECENT_BONUS],
            output_field=IntegerField(),
        ),
    )


def _column(name):
    quote = connection.ops.quote_name
    return f"{quote(Article._meta.db_table)}.{quote(Article._meta.get_field(name).column)}"


def _for_recommended(article, recommended, column):
    """The `column` ("position" or "id") of each recommendation, NULL for the others."""
    if not recommended:
        return Value(None, output_field=IntegerField())
    quote, meta = connection.ops.quote_name, Recommendation._meta
    link = (
        f"SELECT link.{quote(meta.get_field(column).column)} FROM {quote(meta.db_table)} link"  # noqa: S608
        f" WHERE link.{quote(meta.get_field('article').column)} = %s"
        f" AND link.{quote(meta.get_field('recommended_article').column)} = {_column('id')}"
    )
    sql = f"CASE WHEN {_column('id')} IN ({_marks(recommended)}) THEN ({link}) END"
    return RawSQL(sql, [*recommended, article.pk], output_field=IntegerField())  # noqa: S611


def _union(queries):
    if not queries:  # nothing shared, nothing related (still a query: the page's count is flat)
        table = connection.ops.quote_name(Article._meta.db_table)
        return f"SELECT id FROM {table} WHERE 1 = 0", []  # noqa: S608
    sql = " UNION ".join(
        f"SELECT * FROM ({sql}) AS walk{index}"  # noqa: S608 - the querysets' own SQL
        for index, (sql, _params) in enumerate(queries)
    )
    return sql, [param for _sql, params in queries for param in params]


def _candidates(article, shared, *, language, limit, exclude=()):
    """(sql, params) of the candidates' ids: the latest work sharing each kind of link,
    in `language`, then in any if too few; never `exclude` nor the article's versions."""
    excluded = sorted({*_version_ids(article), *exclude})
    kinds = tuple((link.model, link.name, len(link.ids)) for link in shared)
    ids = {link.name: link.ids for link in shared}
    # Each walk goes further by the excluded, so it stays on the index alone.
    count = CANDIDATES + len(excluded)
    template = _candidates_template(connection.vendor, kinds, len(excluded), count)
    return template.fill(**ids, excluded=excluded, language=language, limit=limit)


@functools.lru_cache(maxsize=512)
def _candidates_template(vendor, kinds, excluded_count, count):
    """The SqlTemplate of _candidates() for links of `kinds` ((model, name, how many)),
    walks of `count`, compiled once: building its six walks took longer than running
    them."""
    slots = Slots()
    shared = [_Shared(model, name, 0, slots.many(name, size)) for model, name, size in kinds]
    excluded = slots.many("excluded", excluded_count)
    published = Article.objects.published()
    language = slots.one("language", word=True) if shared else None

    def compile():
        own_sql, own_params = _union([link.latest(published, count, language) for link in shared])
        any_sql, any_params = _union([link.latest(published, count) for link in shared])

        def eligible(column):
            return f"{column} NOT IN ({_marks(excluded)})" if excluded else "1 = 1"

        # Every value is a parameter; the walks in any language run only if needed.
        sql = (
            f"WITH own_language (id) AS ({own_sql}), "  # noqa: S608
            f"candidates (id) AS (SELECT id FROM own_language UNION SELECT * FROM ({any_sql})"
            f" AS other WHERE (SELECT COUNT(*) FROM own_language WHERE {eligible('id')}) < %s) "
            f"SELECT id FROM candidates WHERE {eligible('id')}"
        )
        return sql, [*own_params, *any_params, *excluded, slots.one("limit"), *excluded]

    return slots.template(compile)
