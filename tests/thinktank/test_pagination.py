"""
One rule on every paginated page (README, "Pagination"): ?page=N for N from 1 to the
last page shows that page; 0, -1, abc, 1.5 or a page past the end is a page that does
not exist, a 404 with the site's own page; no parameter is the first page. N may be
written in any script's digits (Arabic-Indic, Persian...), and anything else that looks
like a number to Python (², ①, " 2", "+2", "2_0", 5000 nines) is no page, never a 500.
The home page, which is no longer paginated, sends its old page addresses to the list
of work.
"""

import unicodedata

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import given
from hypothesis import strategies as st

from articles.models import Article, Topic
from tests.helpers.factories import (
    make_article,
    make_event,
    make_expert,
    make_program,
    make_region,
    make_topic,
)
from tests.helpers.htmlpage import get_page
from tests.helpers.page_numbers import NOT_NUMBERS, PAGE_TWO
from thinktank import cache_purges
from thinktank.page_numbers import MAX_PAGE_DIGITS, page_number
from thinktank.pagination import Paginator

pytestmark = pytest.mark.django_db

MISSING_PAGES = ["0", "-1", "abc", "1.5", "1e3", "9", "999999999999999999999", "%00", "last1"]


@pytest.fixture
def pages():
    """Paths of every paginated page, each with two or three pages of items."""
    program = make_program("Paged Program")
    expert = make_expert("Paged Expert", program=program)
    topic = make_topic("Paged Topic")
    parent = make_region("Paged Region")
    child = make_region("Paged Country", parent=parent)
    for index in range(25):
        make_article(f"Paged {index}", authors=[expert], topics=[topic], regions=[child])
        make_event(f"Paged Event {index}", authors=[expert])
    return [
        "/policy-analysis",
        "/policy-analysis?topic=paged-topic",
        f"/policy-analysis/{topic.slug}",
        f"/policy-analysis/{parent.slug}",
        f"/experts/{expert.slug}",
        f"/programs/{program.slug}",
        "/events",
    ]


def with_page(path, number):
    return f"{path}{'&' if '?' in path else '?'}page={number}"


def test_existing_pages_answer(client, pages):
    for path in pages:
        for number in ["1", "2", ""]:
            get_page(client, with_page(path, number))
        get_page(client, path)


@pytest.mark.parametrize("number", MISSING_PAGES)
def test_a_page_that_does_not_exist_is_a_styled_404(client, pages, number):
    for path in pages:
        page = get_page(client, with_page(path, number), status=404)
        assert page.find("html").get("lang") == "en"
        assert page.find("h1").text  # the site's 404 page, not a bare error


@pytest.mark.parametrize("number", PAGE_TWO)
def test_a_page_number_in_any_scripts_digits_is_that_page(client, pages, number):
    for path in pages:
        page = get_page(client, with_page(path, number))
        assert page.find("main").text == get_page(client, with_page(path, 2)).find("main").text


@pytest.mark.parametrize("number", NOT_NUMBERS)
def test_what_is_not_a_number_is_no_page(client, pages, number):
    for path in [*pages, "/search?q=paged"]:
        get_page(client, with_page(path, number), status=404)


def test_page_number_reads_digits_only():
    assert [page_number(number) for number in PAGE_TWO] == [2] * len(PAGE_TWO)
    assert page_number("٩" * MAX_PAGE_DIGITS) == int("9" * MAX_PAGE_DIGITS)
    assert [page_number(value) for value in NOT_NUMBERS] == [None] * len(NOT_NUMBERS)
    assert page_number("") is page_number(None) is page_number(2) is None


# The zero of every script's decimal digits (Unicode's Nd: ASCII, Arabic-Indic, Persian,
# Devanagari, full-width...), and every other character Python counts as numeric.
ZEROS = [chr(code) for code in range(0x110000) if unicodedata.decimal(chr(code), None) == 0]
NUMERIC_NOT_DECIMAL = [
    chr(code) for code in range(0x110000) if chr(code).isnumeric() and not chr(code).isdecimal()
]


def written_in(number, zero):
    return str(number).translate({ord("0") + digit: ord(zero) + digit for digit in range(10)})


@given(st.integers(0, 10**MAX_PAGE_DIGITS - 1), st.sampled_from(ZEROS))
def test_a_number_in_any_scripts_digits_is_read(number, zero):
    assert page_number(written_in(number, zero)) == number


@given(
    st.integers(0, 10**MAX_PAGE_DIGITS - 1),
    st.sampled_from(ZEROS),
    st.sampled_from([*NUMERIC_NOT_DECIMAL, " ", "+", "-", "_", ".", ",", "\x00", "\u200f"]),
    st.integers(0, MAX_PAGE_DIGITS),
)
def test_anything_else_in_a_number_makes_it_no_number(number, zero, other, where):
    written = written_in(number, zero)
    assert page_number(written[:where] + other + written[where:]) is None


def test_arabic_pages_follow_the_same_rule(client, pages):
    for path in pages:
        get_page(client, "/ar" + with_page(path, 1))
        page = get_page(client, "/ar" + with_page(path, 0), status=404)
        assert page.find("html").get("dir") == "rtl"


def test_an_empty_list_still_has_its_first_page(client, db):
    topic = make_topic("Empty Topic")
    for path in ["/policy-analysis", f"/policy-analysis/{topic.slug}", "/events"]:
        get_page(client, path)
        get_page(client, with_page(path, 1))
        get_page(client, with_page(path, 2), status=404)


@pytest.mark.parametrize("query", ["", "q=", "q=%20", "topic=no-such-topic", "q=x&topic=no-such"])
def test_a_search_that_can_match_nothing_has_a_first_and_last_page(client, db, query):
    for page in ["1", "last", "٢", "2"]:
        status = 404 if page in ("2", "٢") else 200
        get_page(client, with_page(f"/search?{query}", page), status=status)


def test_a_queryset_that_can_match_nothing_counts_none(db):
    for rows in [Article.objects.none(), Article.objects.filter(pk__in=[])]:
        paginator = Paginator(rows, 20)
        assert (paginator.count, paginator.num_pages) == (0, 1)
        assert list(paginator.page(1)) == []


@pytest.mark.parametrize("query", ["page=2", "page=abc", "page=0", "page=2&x=1"])
def test_the_home_pages_old_page_addresses_lead_to_the_list_of_work(client, db, query):
    for prefix in ["", "/ar", "/fa"]:
        response = client.get(f"{prefix}/?{query}")
        assert response.status_code == 301
        assert response["Location"] == f"{prefix}/policy-analysis?{query}"


def test_the_list_of_work_reached_from_an_old_home_page_address(client, pages):
    response = client.get("/?page=2", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [("/policy-analysis?page=2", 301)]


def test_a_count_is_kept_with_the_keys_of_what_its_list_holds(db):
    """Paginator(keys=...): a kept count ends with a purge of its keys, not of others."""
    make_topic(), make_topic()

    def counted():
        with CaptureQueriesContext(connection) as queries:
            count = Paginator(Topic.objects.order_by("pk"), 20, keys=["list-x:1"]).count
        return count, len(queries)

    assert counted() == (2, 1)
    assert counted() == (2, 0)  # kept
    cache_purges.purge("list-y:1")  # another list's (and ANY)
    assert counted() == (2, 0)
    cache_purges.purge("list-x:1")  # its own
    assert counted() == (2, 1)


def test_a_named_list_is_kept_under_its_name_without_compiling_its_sql(db, monkeypatch):
    """Paginator(name=...): lists of other names are kept apart; their SQL is not made."""
    one, two = make_topic(), make_topic()

    def paged(rows, name):
        with CaptureQueriesContext(connection) as queries:
            paginator = Paginator(rows, 20, keys=["list-x:1"], name=name)
            count, ids = paginator.count, paginator.page(1).object_list.page_ids
        return count, ids, len(queries)

    everything = Topic.objects.order_by("pk")
    assert paged(everything, ("topics", "all")) == (2, [one.pk, two.pk], 2)
    compiled = []
    monkeypatch.setattr(type(everything.query), "get_compiler", lambda *a, **k: compiled.append(1))
    assert paged(everything, ("topics", "all")) == (2, [one.pk, two.pk], 0)  # both kept
    assert compiled == []
    monkeypatch.undo()
    assert paged(everything.filter(pk=two.pk), ("topics", "second")) == (1, [two.pk], 2)


def test_a_named_list_given_as_a_function_builds_its_queryset_only_for_rows_not_kept(db):
    """Paginator(function, name=...): once its count and page ids are kept, a page is
    KeptRows, and the function is not called until rows are read: load(ids) reads only
    those, in their order, None for one gone since; iterating reads them all."""
    topics = [make_topic() for _ in range(3)]
    built = []

    def rows():
        built.append(1)
        return Topic.objects.order_by("-pk")

    def first_page():
        return Paginator(rows, 2, keys=["list-x:1"], name=("topics", "newest")).page(1)

    assert first_page().object_list.page_ids == [topics[2].pk, topics[1].pk]
    built.clear()
    with CaptureQueriesContext(connection) as queries:
        page = first_page()
    assert (page.object_list.page_ids, len(queries), built) == ([topics[2].pk, topics[1].pk], 0, [])
    assert page.has_next() and page.end_index() == 2  # from the kept count
    topics[2].delete()  # a row gone since its page's ids were kept
    with CaptureQueriesContext(connection) as queries:
        loaded = page.object_list.load([topics[1].pk, topics[2].pk])
    assert (loaded, len(queries), built) == ([topics[1], None], 1, [1])
    assert list(page.object_list) == [topics[1]]


def test_a_named_list_given_as_a_function_pages_as_a_queryset_with_the_page_cache_off(db, settings):
    settings.PAGE_CACHE_SECONDS = 0
    topics = [make_topic() for _ in range(3)]
    paginator = Paginator(lambda: Topic.objects.order_by("pk"), 2, name=("topics", "oldest"))
    assert (paginator.count, paginator.num_pages) == (3, 2)
    assert list(paginator.page(2).object_list) == [topics[2]]


def test_only_a_named_list_may_be_a_function():
    with pytest.raises(TypeError, match="named"):
        Paginator(lambda: Topic.objects.all(), 20)
