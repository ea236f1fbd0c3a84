"""
SQL compiled once per shape (thinktank.sql_templates): a template filled with values is
the SQL and parameters the queryset would have compiled to with them, read at the time
it is filled.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import Article, ArticleAuthor
from tests.helpers.factories import in_future, make_article, make_expert
from thinktank import reading_time
from thinktank.sql_templates import Slots

pytestmark = pytest.mark.django_db


def latest_by(authors, language, count):
    """The ids of the `count` latest pieces in `language` by any of `authors`."""
    links = ArticleAuthor.objects.filter(expert__in=authors).values("article_id")
    work = Article.objects.published().filter(pk__in=links, language=language)
    return work.newest_first().values("pk")[:count]


def latest_by_template(authors_count, count):
    slots = Slots()
    authors = slots.many("authors", authors_count)
    language = slots.one("language", word=True)
    return slots.template(latest_by(authors, language, count).query.sql_with_params)


def ids(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [pk for (pk,) in cursor.fetchall()]


@pytest.mark.parametrize("authors_count", [1, 2, 5])
def test_a_filled_template_is_the_query_compiled_with_its_values(authors_count):
    template = latest_by_template(authors_count, count=3)
    authors = [100 + index for index in range(authors_count)]
    with reading_time.as_marker():
        compiled_sql, compiled_params = latest_by(authors, "ar", 3).query.sql_with_params()
    sql, params = template.fill(authors=authors, language="ar")
    assert sql == compiled_sql
    assert len(params) == len(compiled_params)
    for param, compiled in zip(params, compiled_params, strict=True):
        if compiled == reading_time.MARKER:  # now, a moment apart
            assert param != reading_time.MARKER
        else:
            assert param == compiled


def test_one_template_serves_every_value_of_its_shape():
    first, second = make_expert(), make_expert()
    by_first = make_article("By the first", authors=[first], published_at=in_future(days=-2))
    by_second = make_article("By the second", authors=[second], published_at=in_future(days=-1))
    make_article("Arabic", language="ar", authors=[first], published_at=in_future(days=-1))
    template = latest_by_template(1, count=5)
    assert ids(*template.fill(authors=[first.pk], language="en")) == [by_first.pk]
    assert ids(*template.fill(authors=[second.pk], language="en")) == [by_second.pk]


def test_the_reading_time_is_when_the_template_is_filled_not_compiled(clock):
    expert = make_expert()
    soon = make_article(
        "Out in an hour", authors=[expert], published_at=timezone.now() + timedelta(hours=1)
    )
    template = latest_by_template(1, count=5)
    assert ids(*template.fill(authors=[expert.pk], language="en")) == []
    clock(hours=2)
    assert ids(*template.fill(authors=[expert.pk], language="en")) == [soon.pk]
    assert reading_time.MARKER in template.slots


def test_a_placeholder_the_parameters_do_not_hold_is_refused():
    slots = Slots()
    unused = slots.one("unused")
    assert unused  # a placeholder, never in the query below
    with pytest.raises(ValueError, match="unused"):
        slots.template(Article.objects.filter(language="en").query.sql_with_params)


def test_parameters_that_are_no_placeholder_are_kept_as_they_are():
    slots = Slots()
    template = slots.template(lambda: ("SELECT %s, %s, %s", [[1, 2], "en", slots.one("x")]))
    assert template.fill(x=7) == ("SELECT %s, %s, %s", [[1, 2], "en", 7])
