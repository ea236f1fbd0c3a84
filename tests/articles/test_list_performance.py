"""
How the lists stay fast on a large archive, without changing what they show: each page
read by "deferred join" (thinktank.pagination.Paginator), a search page and its count
in one query (articles.search.paging), its snippets found by the regex engine,
published work newest first in the order the indexes hold, and the filters' <select>s
written without a template per option (articles.filters.OptionsSelect). Each gives
what Django's (or the code's former) way gives.
"""

import html
import re
from datetime import timedelta

import pytest
from django import forms
from django.core.paginator import Paginator as DjangoPaginator
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import selectors, services
from articles.filters import ArticleFilterForm, OptionsSelect
from articles.models import Article
from articles.search.paging import MatchesPaginator
from articles.search.snippets import TAG, WORD, Highlighter, plain_text
from experts.models import Expert
from tests.helpers.factories import (
    days_ago,
    make_article,
    make_event,
    make_expert,
    make_program,
    make_region,
    make_topic,
)
from tests.helpers.htmlpage import get_page
from tests.helpers.multilingual import card_titles
from thinktank.cache import key
from thinktank.pagination import Paginator
from thinktank.translation import translated_field

pytestmark = pytest.mark.django_db


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
        "listing": selectors.published_work(language="en"),
        "topic": selectors.published_work(language="en", topic=archive["topic"]),
        "region": selectors.published_work(language="en", region=archive["region"]),
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
    articles = list(selectors.published_work(language="en"))
    keys = [(article.published_at, article.pk) for article in articles]
    assert keys == sorted(keys, reverse=True)
    assert "A draft" not in [article.title for article in articles]


def test_a_page_is_one_query_that_picks_its_ids_first(archive, settings):
    settings.PAGE_CACHE_SECONDS = 0  # else its ids are kept (below)
    page = Paginator(selectors.published_work(language="en", bylines=False), 20).page(2)
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
    ids = list(selectors.published_work(language="en").values_list("pk", flat=True))
    assert list(Paginator(ids, 20).page(2).object_list) == ids[20:40]
    narrow = selectors.published_work(language="en").values_list("pk", flat=True)
    assert list(Paginator(narrow, 20).page(2).object_list) == ids[20:40]
    distinct = Article.objects.published().filter(topics=archive["topic"]).distinct()
    distinct = distinct.in_language("en").newest_first()
    assert titles(Paginator(distinct, 20).page(2)) == titles(DjangoPaginator(distinct, 20).page(2))


# --- search -------------------------------------------------------------------------------


def test_search_pages_and_their_count_are_djangos(archive):
    matches = Article.objects.published().search("piece", "en")
    ids = list(matches.values_list("pk", flat=True))
    assert len(ids) == 40
    paginator = MatchesPaginator(matches, 15)
    with CaptureQueriesContext(connection) as queries:
        first = paginator.page(1)
    assert len(queries) == 1  # the page and the count together
    assert (paginator.count, paginator.num_pages) == (40, 3)
    assert list(first.object_list) == ids[:15]
    assert list(MatchesPaginator(matches, 15).page(3).object_list) == ids[30:]
    # Orphans join the last page, as Django's paginator puts them.
    assert list(MatchesPaginator(matches, 15, orphans=10).page(2).object_list) == ids[15:]
    assert MatchesPaginator(matches, 15, orphans=10).page(2).has_next() is False


@pytest.mark.parametrize("number", ["4", "0", "abc", "9" * 30])
def test_a_search_page_that_does_not_exist_is_an_invalid_page(archive, number):
    from django.core.paginator import InvalidPage

    matches = Article.objects.published().search("piece", "en")
    with pytest.raises(InvalidPage):
        MatchesPaginator(matches, 15).page(number)


def test_an_empty_search_has_its_empty_first_page(archive):
    nothing = Article.objects.published().search("xylophone", "en")
    paginator = MatchesPaginator(nothing, 20)
    assert list(paginator.page(1).object_list) == []
    assert paginator.count == 0


def test_the_last_search_page_by_name(client, archive):
    page = get_page(client, "/search?q=piece&page=last")
    assert len(card_titles(page)) == 20
    assert "Page 2 of 2" in page.find("nav", cls="pagination").text


def reference_spans(highlighter, text):
    """What Highlighter.spans gave when it looked at every word in Python."""
    return [m.span() for m in WORD.finditer(text) if highlighter.matches(m.group())]


@pytest.mark.parametrize(
    "words, texts",
    [
        (
            ["sanctions", "iran"],
            [
                "Sanctions on Iran: the sanctioned, IRAN's sanction_regime, iranian 2024.",
                "Nothing here.",
                "Sanctions sanctions sanctioned Iran.",
            ],
        ),
        (["جوزيه", "café"], ["Café, cafe and CAFÉS; José (جوزيه) وجوزيه.", "", "café" * 3]),
        (["العقوبات"], ["فرضت العقوبات والعقوبات على إيران، بالعقوبات وعقوبة."]),
    ],
)
def test_snippets_find_the_words_python_found(words, texts):
    highlighter = Highlighter(words)
    for text in texts:
        assert highlighter.spans(text) == reference_spans(Highlighter(words), text)
    long_text = " ".join(texts) * 20
    spans = highlighter.spans(long_text)
    assert highlighter.passage(long_text) == Highlighter(words).passage(long_text)
    assert Highlighter._window(long_text, spans, 240) == reference_window(long_text, spans, 240)


@pytest.mark.parametrize(
    "body",
    [
        "<p>Tags, <b>bold</b>&nbsp;entities &amp; spaces\xa0\u2003\n\t here </p>",
        "a\u2028b\x1cc\x1fd\x85e\u200bf",
        "",
        None,
    ],
)
def test_plain_text_collapses_what_a_whitespace_pattern_does(body):
    expected = re.sub(r"\s+", " ", html.unescape(TAG.sub(" ", body or ""))).strip()
    assert plain_text(body) == expected


def reference_window(text, spans, length):
    """Highlighter._window as it counted matches (quadratically)."""
    best, best_count = spans[0][0], 0
    for index, (first_start, _end) in enumerate(spans):
        count = sum(1 for s, e in spans[index:] if e - first_start <= length)
        if count > best_count:
            best, best_count = first_start, count
    start = max(0, best - length // 4)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < best else best
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > best else end
    return start, end


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


@pytest.mark.parametrize("language", ["en", "ar", "fa"])
def test_translated_field_reads_names_as_get_translation_does(language):
    shapes = [
        {},
        {"ar": {"name": "اسم"}},
        {"ar": {"name": ""}, "fa": {"role": "نقش"}},
        {"ar": "not a dict", "fa": {"name": "نام"}},
        {"fa": {"name": 'a <b> & "c"'}},
    ]
    for index, translations in enumerate(shapes):
        expert = make_expert(f"Shape {index}")
        # Written as stored, past the model's tidying, as any old row may be.
        Expert.objects.filter(pk=expert.pk).update(translations=translations)
    experts = Expert.objects.filter(name__startswith="Shape").order_by("pk")
    expected = [expert.get_translation("name", language) for expert in experts]
    assert list(experts.values_list(translated_field("name", language), flat=True)) == expected


def test_a_pages_ids_are_kept_as_its_count_is_until_the_list_changes(archive, editor):
    """With the page cache on, a page's ids are read once and kept under its list's
    head: a paginator of the same list later reads no ids and no count."""

    def second_page():
        paginator = Paginator(
            selectors.published_work(language="en", bylines=False), 20, keys=[key("list", "en")]
        )
        with CaptureQueriesContext(connection) as queries:
            page = paginator.page(2)
            rows = list(page.object_list)
        return [article.title for article in rows], [query["sql"] for query in queries]

    titles, queries = second_page()
    assert len(queries) == 3  # the count, the ids, the rows
    again, queries = second_page()
    assert again == titles
    assert len(queries) == 1 and "OFFSET" not in queries[0]  # the rows of the kept ids
    first = selectors.published_work(language="en")[0]
    services.article_unpublish(Article.objects.get(pk=first.pk), user=editor)
    after, queries = second_page()
    assert after[:-1] == titles[1:] and len(queries) == 3
