"""
The "Recommended" sidebar: the editors' picks first, then related work to fill it.

Related work is scored in the database, in one query whose cost follows the
article's own authors, topics and regions (index lookups on the link tables), not
the size of the archive: each published article sharing an author scores
AUTHOR_WEIGHT per shared author, TOPIC_WEIGHT per shared topic, REGION_WEIGHT per
shared region, and RECENT_BONUS if it appeared within RECENT_DAYS. Work in the
page's language comes first where there is any; the article itself and its other
language versions never come back.
"""

from datetime import timedelta

from django.db import connection
from django.utils import timezone

from articles.models import Article, ArticleAuthor

SIDEBAR_SIZE = 3
AUTHOR_WEIGHT = 3
TOPIC_WEIGHT = 2
REGION_WEIGHT = 1
RECENT_BONUS = 1
RECENT_DAYS = 365


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


def related_ids(article, *, language, limit, exclude=()):
    """The ids of up to `limit` published articles most related to `article`, best first."""
    # The published rule comes from the QuerySet (never written out here), as a
    # derived table the scores are joined to.
    candidates = (
        Article.objects.published()
        .exclude(translation_set=article.translation_set_id)
        .exclude(pk__in=list(exclude))
        .order_by()
        .values("pk", "language", "published_at")
    )
    published_sql, published_params = candidates.query.sql_with_params()
    quote = connection.ops.quote_name
    links = [
        (ArticleAuthor._meta.db_table, "expert_id", AUTHOR_WEIGHT),
        (Article.topics.through._meta.db_table, "topic_id", TOPIC_WEIGHT),
        (Article.regions.through._meta.db_table, "region_id", REGION_WEIGHT),
    ]
    # Only table and column names from the models and constant weights are written
    # into the SQL; every value is a parameter.
    shared = " UNION ALL ".join(
        f"SELECT other.article_id AS article_id, {weight} AS weight "  # noqa: S608
        f"FROM {quote(table)} own JOIN {quote(table)} other ON other.{column} = own.{column} "
        f"WHERE own.article_id = %s"
        for table, column, weight in links
    )
    sql = (
        f"SELECT c.article_id FROM ({shared}) c "  # noqa: S608
        f"JOIN ({published_sql}) p ON p.pk = c.article_id "
        "GROUP BY c.article_id, p.language, p.published_at "
        "ORDER BY CASE WHEN p.language = %s THEN 0 ELSE 1 END, "
        "SUM(c.weight) + CASE WHEN p.published_at >= %s THEN %s ELSE 0 END DESC, "
        "p.published_at DESC, c.article_id DESC "
        "LIMIT %s"
    )
    recent = timezone.now() - timedelta(days=RECENT_DAYS)
    params = [
        *[article.pk] * len(links),
        *published_params,
        language,
        connection.ops.adapt_datetimefield_value(recent),
        RECENT_BONUS,
        limit,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]
