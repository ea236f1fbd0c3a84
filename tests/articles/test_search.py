"""
Full-text search (articles.search) and its page, /search: ranking, what is found,
languages, what is never found, hostile queries, highlighted snippets, query budget.
The same tests pass on SQLite (FTS5) and on PostgreSQL (tsvector).
"""

from urllib.parse import urlencode

import pytest

from articles.models import Article
from tests.helpers.budgets import page_queries
from tests.helpers.factories import (
    days_ago,
    in_future,
    make_article,
    make_expert,
    make_program,
    make_region,
    make_topic,
    unique,
)
from tests.helpers.htmlpage import get_page, parse
from tests.helpers.multilingual import card_titles, html_lang_dir

pytestmark = pytest.mark.django_db

PREFIX = {"en": "", "ar": "/ar", "fa": "/fa"}


def found(query, language="en"):
    """The titles `query` finds among published work in `language`, best first."""
    return list(Article.objects.published().search(query, language).values_list("title", flat=True))


def search_url(page_language="en", **params):
    return f"{PREFIX[page_language]}/search?{urlencode(params)}"


def result_titles(client, page_language="en", **params):
    return card_titles(get_page(client, search_url(page_language, **params)))


# --- ranking and what is indexed --------------------------------------------------------


def test_a_title_match_ranks_above_a_body_only_match():
    body_only = "<p>" + "The zeppelin question keeps coming back. " * 12 + "</p>"
    make_article("Quarterly Review of Airships", body=body_only, published_at=days_ago(1))
    make_article("Zeppelin Diplomacy", body="<p>Other words.</p>", published_at=days_ago(30))
    assert found("zeppelin") == ["Zeppelin Diplomacy", "Quarterly Review of Airships"]


def test_a_summary_match_ranks_above_a_body_only_match():
    make_article("First", body="<p>A word on marmots, marmots again.</p>", published_at=days_ago(1))
    make_article("Second", summary="Why marmots matter.", published_at=days_ago(9))
    assert found("marmots") == ["Second", "First"]


def test_english_words_are_stemmed():
    make_article("Sanctions Relief Debated", body="<p>Nothing else.</p>")
    assert found("sanction") == ["Sanctions Relief Debated"]
    assert found("sanctioned") == ["Sanctions Relief Debated"]


def test_author_topic_and_region_names_are_found():
    expert = make_expert("Ingrid Vasquez-Oyelaran")
    topic = make_topic("Hydropolitics")
    region = make_region("Sahel Belt")
    make_article("By her", authors=[expert])
    make_article("On water", topics=[topic])
    make_article("On the Sahel", regions=[region])
    make_article("Unrelated")
    assert found("Oyelaran") == ["By her"]
    assert found("ingrid vasquez") == ["By her"]
    assert found("hydropolitics") == ["On water"]
    assert found("sahel belt") == ["On the Sahel"]


def test_translated_names_are_found_in_their_language():
    expert = make_expert("Laila Haddad", translations={"ar": {"name": "ليلى حداد"}})
    region = make_region("Maghreb", translations={"ar": {"name": "المغرب العربي"}})
    make_article("مقال عن الطاقة", language="ar", authors=[expert], regions=[region])
    assert found("حداد", "ar") == ["مقال عن الطاقة"]
    assert found("المغرب العربي", "ar") == ["مقال عن الطاقة"]


def test_accents_and_case_do_not_matter():
    make_article("José Martí and the Café Society")
    assert found("jose marti") == ["José Martí and the Café Society"]
    assert found("CAFÉ") == ["José Martí and the Café Society"]


def test_phrases_exclusions_and_or():
    make_article("Water Rights in the Nile Basin")
    make_article("Rights of Water Carriers")
    make_article("Desert Locusts")
    assert found('"water rights"') == ["Water Rights in the Nile Basin"]
    assert found("water -nile") == ["Rights of Water Carriers"]
    assert sorted(found("nile or locusts")) == ["Desert Locusts", "Water Rights in the Nile Basin"]


# --- Arabic and Persian ------------------------------------------------------------------


def test_arabic_search_finds_arabic_with_and_without_diacritics():
    make_article(
        "مُسْتَقْبَلُ الطَّاقَةِ في الخليج",
        language="ar",
        body="<p>قال أحمد إن الأسواق تتغير.</p>",
    )
    title = "مُسْتَقْبَلُ الطَّاقَةِ في الخليج"
    assert found("مستقبل الطاقة", "ar") == [title]  # none typed, some stored
    assert found("مُسْتَقْبَل", "ar") == [title]  # typed with diacritics
    assert found("احمد", "ar") == [title]  # stored with a hamza, typed without
    assert found("أَحْمَد", "ar") == [title]


def test_persian_and_arabic_letter_variants_find_each_other():
    make_article("سیاست خارجی ایران", language="fa")  # Persian yeh
    assert found("سياست", "fa") == ["سیاست خارجی ایران"]  # Arabic yeh
    assert found("ایران", "fa") == ["سیاست خارجی ایران"]


def test_arabic_page_finds_an_arabic_article(client):
    make_article("الطاقة في الخليج", language="ar", body="<p>النفط والغاز.</p>")
    make_article("Energy in the Gulf", body="<p>Oil and gas.</p>")
    page = get_page(client, search_url("ar", q="الطاقة"))
    assert html_lang_dir(page) == ("ar", "rtl")
    assert card_titles(page) == ["الطاقة في الخليج"]
    assert page.find("mark").text == "الطاقة"


# --- languages -------------------------------------------------------------------------


def test_results_are_in_the_pages_language_unless_asked(client):
    make_article("OPEC and the Dollar", body="<p>OPEC quotas.</p>")
    make_article("أوبك والدولار", language="ar", body="<p>حصص OPEC.</p>")
    make_article("اوپک و دلار", language="fa", body="<p>سهمیه OPEC.</p>")
    assert result_titles(client, q="opec") == ["OPEC and the Dollar"]
    assert result_titles(client, "ar", q="opec") == ["أوبك والدولار"]
    assert result_titles(client, "fa", q="opec") == ["اوپک و دلار"]
    assert result_titles(client, q="opec", language="ar") == ["أوبك والدولار"]
    assert sorted(result_titles(client, q="opec", language="all")) == sorted(
        ["OPEC and the Dollar", "أوبك والدولار", "اوپک و دلار"]
    )


def test_filters_of_the_listing_apply(client):
    topic = make_topic("Ports")
    make_article("Shipping Lanes and Ports", topics=[topic])
    make_article("Shipping Lanes Elsewhere")
    assert result_titles(client, q="shipping", topic=topic.slug) == ["Shipping Lanes and Ports"]
    # An unknown filter is left out (and said so); the search still runs.
    page = get_page(client, search_url(q="shipping", topic="no-such-topic"))
    assert len(card_titles(page)) == 2
    assert page.find(cls="filters__error")


# --- what is never found -----------------------------------------------------------------


def test_drafts_scheduled_and_archived_work_is_never_found(client):
    make_article("Quokka Policy Published")
    make_article("Quokka Policy Draft", published=False)
    make_article("Quokka Policy Scheduled", published_at=in_future())
    archived = make_article("Quokka Policy Archived")
    Article.objects.filter(pk=archived.pk).update(status=Article.Status.ARCHIVED)
    assert found("quokka") == ["Quokka Policy Published"]
    assert result_titles(client, q="quokka", language="all") == ["Quokka Policy Published"]


# --- hostile and odd queries -------------------------------------------------------------

HOSTILE = [
    "",
    "a",
    "x" * 10_000,
    '"""',
    "- OR -",
    "&|!",
    "'; DROP TABLE articles_article; --",
    "العقوبات",
    '"unterminated phrase',
    "or or or",
    "-",
    "*",
    "NOT AND OR NEAR(",
    "title:secret",
    "\x00",
    "%_\\",
    "(((",
    "🙂",
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
@pytest.mark.parametrize("language", ["en", "ar"])
def test_hostile_queries_answer_a_page(client, query, language):
    make_article("Ordinary Work", language=language)
    page = get_page(client, search_url(language, q=query))
    assert page.find("main").find(role="status").text  # a clear message
    assert Article.objects.count() == 1  # and the table is still there


@pytest.mark.parametrize("query", ["", '"""', "- OR -", "&|!", "   "])
def test_a_query_without_words_says_so(client, query):
    make_article("Ordinary Work")
    page = get_page(client, search_url(q=query))
    assert card_titles(page) == []
    assert page.find(cls="empty", role="status")


def test_no_match_says_so(client):
    make_article("Ordinary Work")
    page = get_page(client, search_url(q="xylophone"))
    assert "Nothing matches “xylophone”." in page.find(cls="empty").text


def test_a_query_too_long_says_so(client):
    page = get_page(client, search_url(q="word " * 100))
    assert page.find(cls="filters__error")
    assert card_titles(page) == []


@pytest.mark.parametrize("number", ["abc", "0", "-1", "9999", "1.5", "%00"])
def test_a_page_that_does_not_exist_is_a_404_as_on_every_list(client, number):
    for index in range(3):
        make_article(f"Walrus {index}")
    assert len(result_titles(client, q="walrus", page="1")) == 3
    page = get_page(client, search_url(q="walrus", page=number), status=404)
    assert page.find("h1").text


def test_results_are_paginated(client):
    for index in range(25):
        make_article(f"Pelican Report {index}")
    first = get_page(client, search_url(q="pelican"))
    second = get_page(client, search_url(q="pelican", page=2))
    assert len(card_titles(first)) == 20
    assert len(card_titles(second)) == 5
    assert first.find("a", rel="next").get("href") == "?q=pelican&page=2"


# --- snippets ----------------------------------------------------------------------------


def test_snippets_highlight_and_escape(client):
    make_article(
        "Narwhal <b>Claims</b> & Counterclaims",
        body="<p>Before &lt;script&gt;alert(1)&lt;/script&gt; the narwhal treaties after.</p>",
    )
    response = client.get(search_url(q="narwhal treaty"))
    html = response.content.decode()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;Claims&lt;/b&gt; &amp; Counterclaims" in html
    page = parse(response)
    marks = [mark.text for mark in page.find("main").find_all("mark")]
    assert marks == ["Narwhal", "narwhal", "treaties"]


def test_a_snippet_is_a_passage_around_the_match():
    long_body = "<p>" + "Filler words here. " * 60 + "The ocelot appears once. " + "More. " * 60
    make_article("Cats", body=long_body + "</p>")
    article = Article.objects.published().search("ocelot", "en").first()
    from articles.search.snippets import highlight

    (article,) = highlight([article], ["ocelot"])
    assert "<mark>ocelot</mark>" in article.search_snippet
    assert article.search_snippet.startswith("… ")
    assert article.search_snippet.endswith(" …")
    assert len(article.search_snippet) < 400


def test_a_title_only_match_shows_the_summary(client):
    make_article("Gazelle Economics", summary="A short summary.", body="<p>Nothing related.</p>")
    page = get_page(client, search_url(q="gazelle"))
    assert page.find(cls="search-result__snippet").text == "A short summary."


# --- every language, the header, the query budget -----------------------------------------


@pytest.mark.parametrize("language", ["en", "ar", "fa"])
def test_the_page_exists_in_every_language(client, language):
    page = get_page(client, search_url(language))
    assert html_lang_dir(page) == (language, "ltr" if language == "en" else "rtl")
    assert page.find("meta", name="robots").get("content") == "noindex, follow"


@pytest.mark.parametrize("language", ["en", "ar", "fa"])
def test_the_header_has_a_search_box(client, language):
    page = get_page(client, PREFIX[language] + "/")
    form = page.find("header").find("form", role="search")
    assert form.get("method") == "get"
    assert form.get("action") == f"{PREFIX[language]}/search"
    field = form.find("input", name="q")
    assert form.find("label").get("for") == field.get("id")


def shown_queries(client, url):
    """(queries, cards shown) of one GET of `url`."""
    count, page = page_queries(client, url, clear_cache=False)
    return count, len(card_titles(page))


def populate(count):
    program = make_program()
    topic = make_topic(unique("Budget topic"))
    for _ in range(count):
        authors = [make_expert(program=program) for _ in range(3)]
        make_article(unique("Budgetary Albatross"), authors=authors, topics=[topic])


def test_query_budget_is_flat(client):
    populate(5)
    small, shown_small = shown_queries(client, search_url(q="albatross"))
    populate(45)
    large, shown_large = shown_queries(client, search_url(q="albatross"))
    assert (shown_small, shown_large) == (5, 20)
    assert small == large
    assert large <= 10


def test_query_budget_is_the_same_in_arabic(client):
    populate(3)
    english, _shown = shown_queries(client, search_url(q="albatross"))
    arabic, _shown = shown_queries(client, search_url("ar", q="albatross", language="en"))
    assert english == arabic


def test_an_empty_query_makes_no_search_query(client, cache_miss):
    populate(2)
    empty, _shown = shown_queries(client, search_url(q=""))
    with_words, _shown = shown_queries(client, search_url(q="albatross"))
    assert empty < with_words
