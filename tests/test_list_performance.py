"""
How the lists stay fast on a large archive, without changing what they show: each page
read by "deferred join" (thinktank.pagination.Paginator), published work newest first
in the order the indexes hold, and the filters' <select>s written without a template
per option (articles.filters.OptionsSelect). Each gives what Django's own way gives.
"""

from datetime import timedelta

import pytest
from django import forms
from django.core.paginator import Paginator as DjangoPaginator
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import selectors
from articles.filters import ArticleFilterForm, OptionsSelect
from articles.models import Article
from tests.factories import (
    make_article,
    make_event,
    make_expert,
    make_program,
    make_region,
    make_topic,
)
from thinktank.pagination import Paginator

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def archive():
    """45 pieces on a topic, a region and its sub-region, by one expert, some on one day."""
    expert = make_expert("Paged Expert", program=make_program())
    topic = make_topic("Paged Topic")
    region = make_region("Paged Region")
    country = make_region("Paged Country", parent=region)
    same_day = days_ago(3)
    for index in range(45):
        make_article(
            f"Piece {index:02}",
            authors=[expert],
            topics=[topic],
            regions=[country if index % 2 else region],
            # Ties on the date are broken by id, as newest_first() says.
            published_at=same_day if index % 5 == 0 else days_ago(10 + (index * 7) % 40),
            language="ar" if index % 9 == 0 else "en",
        )
    make_article("A draft", topics=[topic], published=False)
    make_article("Scheduled", topics=[topic], published_at=timezone.now() + timedelta(days=3))
    for index in range(25):
        make_event(f"Paged Event {index}", authors=[expert])
    return {"expert": expert, "topic": topic, "region": region}


def lists(archive):
    """The querysets of the paginated pages, as their views build them."""
    return {
        "listing": selectors.latest_article_list("en"),
        "topic": selectors.topic_article_list(archive["topic"], "en"),
        "region": selectors.region_article_list(archive["region"], "en"),
        "expert": Article.objects.published()
        .by_author(archive["expert"])
        .select_related("publication_type")
        .language_first("en"),
        "events": selectors.past_events("en"),
    }


def titles(page):
    return [article.title for article in page.object_list]


def test_every_page_is_what_slicing_gives(archive):
    for name, articles in lists(archive).items():
        ours, django = Paginator(articles, 20), DjangoPaginator(articles, 20)
        assert ours.count == django.count, name
        for number in ours.page_range:
            assert titles(ours.page(number)) == titles(django.page(number)), (name, number)


def test_newest_first_is_by_date_then_id(archive):
    articles = list(selectors.latest_article_list("en"))
    keys = [(article.published_at, article.pk) for article in articles]
    assert keys == sorted(keys, reverse=True)
    assert "A draft" not in [article.title for article in articles]


def test_a_page_is_one_query_that_picks_its_ids_first(archive):
    page = Paginator(selectors.latest_article_list("en").prefetch_related(None), 20).page(2)
    with CaptureQueriesContext(connection) as queries:
        rows = list(page.object_list)
    assert len(rows) == 20
    assert len(queries) == 1
    sql = queries[0]["sql"].upper()
    # The ids of the page come from a subquery with the order, LIMIT and OFFSET.
    assert "IN (SELECT" in sql
    assert sql.index("LIMIT") > sql.index("IN (SELECT")
    assert "OFFSET 20" in sql


def test_lists_ids_and_distinct_querysets_are_sliced_as_django_does(archive):
    ids = list(selectors.latest_article_list("en").values_list("pk", flat=True))
    assert list(Paginator(ids, 20).page(2).object_list) == ids[20:40]
    narrow = selectors.latest_article_list("en").values_list("pk", flat=True)
    assert list(Paginator(narrow, 20).page(2).object_list) == ids[20:40]
    distinct = Article.objects.published().filter(topics=archive["topic"]).distinct()
    distinct = distinct.in_language("en").newest_first()
    assert titles(Paginator(distinct, 20).page(2)) == titles(DjangoPaginator(distinct, 20).page(2))


# --- the filters' options -----------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["", "topic=paged-topic&region=paged-country&expert=paged-expert&type=nothing"]
)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_options_are_djangos_markup(archive, query, language):
    make_expert("Alim", slug="alim", translations={"ar": {"name": 'عالم <عربي> & "مقتبس"'}})
    form = ArticleFilterForm(QueryDict(query) if query else None, language=language)
    for bound in form:
        widget = bound.field.widget
        if not isinstance(widget, OptionsSelect):
            continue
        ours = str(bound)
        # The same field as Django's own Select renders it.
        bound.field.widget = forms.Select(choices=bound.field.choices, attrs=widget.attrs)
        assert ours == str(form[bound.name]), bound.name


def test_options_in_groups_are_djangos_markup():
    choices = [("", "All"), ("Group & co", [("1", "One"), ("2", "<Two>")]), ("3", "Three")]
    for value in ["", "2", "3", None]:
        expected = forms.Select(choices=choices).render("x", value, {"id": "id_x"})
        assert OptionsSelect(choices=choices).render("x", value, {"id": "id_x"}) == expected
