"""
The list of all published work at /policy-analysis: newest first, filtered by type,
topic, region (with its sub-regions), expert, program, language and dates, all kept
in the URL; bad filter values answer with a message, never a 500. Pages and queries
are in test_listing_pages.py.
"""

from datetime import UTC, date, datetime

import pytest
from django.utils.translation import gettext, override

from tests.helpers.factories import (
    in_future,
    make_article,
    make_expert,
    make_guest,
    make_program,
    make_publication_type,
    make_region,
    make_topic,
)
from tests.helpers.htmlpage import get_page, parse
from tests.helpers.multilingual import card_titles, html_lang_dir

pytestmark = pytest.mark.django_db

URL = "/policy-analysis"


def at(day):
    """A publication time on `day` (a date), at noon UTC."""
    return datetime(day.year, day.month, day.day, 12, 0, tzinfo=UTC)


@pytest.fixture
def world():
    """A small catalogue: two types, topics, nested regions, experts in programs."""
    program = make_program("Gulf Program")
    other_program = make_program("Europe Program")
    anna = make_expert("Anna Analyst", program=program)
    boris = make_expert("Boris Writer", program=other_program)
    guest = make_guest("Guest Writer")
    brief = make_publication_type("Brief Analysis")
    oped = make_publication_type("Op-Ed")
    energy = make_topic("Energy")
    security = make_topic("Security")
    middle_east = make_region("Middle East")
    levant = make_region("Levant", parent=middle_east)
    israel = make_region("Israel", parent=levant)
    europe = make_region("Europe")
    articles = {
        "oil": make_article(
            "Oil Markets",
            publication_type=brief,
            topics=[energy],
            regions=[israel],
            authors=[anna],
            published_at=at(date(2024, 3, 1)),
        ),
        "gas": make_article(
            "Gas Deals",
            publication_type=oped,
            topics=[energy],
            regions=[europe],
            authors=[boris],
            published_at=at(date(2024, 2, 1)),
        ),
        "army": make_article(
            "Army Reform",
            publication_type=brief,
            topics=[security],
            regions=[levant, israel],  # twice in the region's tree: listed once
            authors=[boris, anna],
            published_at=at(date(2024, 1, 1)),
        ),
        "guest": make_article(
            "Guest Essay",
            publication_type=oped,
            topics=[security],
            regions=[middle_east],
            authors=[guest],
            published_at=at(date(2023, 12, 1)),
        ),
        "arabic": make_article(
            "مقال عن النفط",
            slug="arabic-oil",
            language="ar",
            publication_type=brief,
            topics=[energy],
            regions=[israel],
            authors=[anna],
            published_at=at(date(2024, 2, 15)),
        ),
        "draft": make_article("Draft on Energy", published=False, topics=[energy], authors=[anna]),
        "scheduled": make_article(
            "Scheduled on Energy", published_at=in_future(), topics=[energy], authors=[anna]
        ),
    }
    return {
        "articles": articles,
        "anna": anna,
        "boris": boris,
        "program": program,
    }


def titles(client, query=""):
    return card_titles(get_page(client, f"{URL}?{query}" if query else URL))


def test_lists_all_published_work_of_the_page_language_newest_first(client, world):
    assert titles(client) == ["Oil Markets", "Gas Deals", "Army Reform", "Guest Essay"]


def test_arabic_page_lists_arabic_work(client, world):
    page = get_page(client, f"/ar{URL}")
    assert html_lang_dir(page) == ("ar", "rtl")
    assert card_titles(page) == ["مقال عن النفط"]
    link = page.find("main").find(cls="card__title").find("a")
    assert link.get("href") == "/ar/policy-analysis/arabic-oil"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("type=brief-analysis", ["Oil Markets", "Army Reform"]),
        ("type=op-ed", ["Gas Deals", "Guest Essay"]),
        ("topic=energy", ["Oil Markets", "Gas Deals"]),
        ("topic=security", ["Army Reform", "Guest Essay"]),
        # A region includes what is on the regions nested in it, each piece once.
        ("region=middle-east", ["Oil Markets", "Army Reform", "Guest Essay"]),
        ("region=levant", ["Oil Markets", "Army Reform"]),
        ("region=israel", ["Oil Markets", "Army Reform"]),
        ("region=europe", ["Gas Deals"]),
        ("expert=anna-analyst", ["Oil Markets", "Army Reform"]),
        ("expert=boris-writer", ["Gas Deals", "Army Reform"]),
        ("program=gulf-program", ["Oil Markets", "Army Reform"]),
        ("program=europe-program", ["Gas Deals", "Army Reform"]),
        ("from=2024-02-01", ["Oil Markets", "Gas Deals"]),
        ("to=2024-01-01", ["Army Reform", "Guest Essay"]),
        ("from=2024-01-01&to=2024-02-01", ["Gas Deals", "Army Reform"]),
        ("from=2024-02-01&to=2024-02-01", ["Gas Deals"]),
    ],
)
def test_each_filter(client, world, query, expected):
    assert titles(client, query) == expected


@pytest.mark.parametrize(
    "query, expected",
    [
        ("type=brief-analysis&topic=energy", ["Oil Markets"]),
        ("topic=security&region=levant", ["Army Reform"]),
        ("expert=anna-analyst&type=brief-analysis&from=2024-02-01", ["Oil Markets"]),
        ("program=europe-program&topic=energy&region=europe", ["Gas Deals"]),
        ("type=op-ed&region=israel", []),
        (
            "type=brief-analysis&topic=energy&region=middle-east&expert=anna-analyst"
            "&program=gulf-program&language=en&from=2024-01-01&to=2024-12-31",
            ["Oil Markets"],
        ),
    ],
)
def test_filters_combine(client, world, query, expected):
    assert titles(client, query) == expected


def test_language_filter_all_and_another_language(client, world):
    assert titles(client, "language=all") == [
        "Oil Markets",
        "مقال عن النفط",
        "Gas Deals",
        "Army Reform",
        "Guest Essay",
    ]
    assert titles(client, "language=ar") == ["مقال عن النفط"]
    assert titles(client, "language=ar&topic=security") == []
    # On the English page, an Arabic card says its language, so it is read right to left.
    page = get_page(client, f"{URL}?language=ar")
    link = page.find("main").find(cls="card__title").find("a")
    assert (link.get("lang"), link.get("dir")) == ("ar", "rtl")
    assert link.get("href") == "/ar/policy-analysis/arabic-oil"
    # And the Arabic page lists English work when asked.
    assert titles(client, "language=en").count("Oil Markets") == 1
    assert card_titles(get_page(client, f"/ar{URL}?language=en"))[0] == "Oil Markets"


def test_no_draft_or_scheduled_work_whatever_the_filters(client, world):
    for query in ["", "topic=energy", "expert=anna-analyst", "language=all", "from=2000-01-01"]:
        shown = titles(client, query)
        assert "Draft on Energy" not in shown
        assert "Scheduled on Energy" not in shown


def test_the_form_keeps_its_values_and_works_without_javascript(client, world):
    query = (
        "type=op-ed&topic=energy&region=europe&expert=boris-writer&from=2024-01-01&to=2024-12-31"
    )
    page = get_page(client, f"{URL}?{query}")
    form = page.find("form", cls="filters")
    assert (form.get("method"), form.get("action")) == ("get", URL)
    selected = {
        select.get("name"): [
            option.get("value") for option in select.find_all("option", selected=True)
        ]
        for select in form.find_all("select")
    }
    assert selected == {
        "type": ["op-ed"],
        "topic": ["energy"],
        "region": ["europe"],
        "expert": ["boris-writer"],
        "program": [""],  # "All"
        "language": ["en"],  # the page's language, chosen though not asked for
    }
    assert form.find("input", name="from").get("value") == "2024-01-01"
    assert form.find("input", name="to").get("value") == "2024-12-31"
    assert form.find("input", name="from").get("type") == "date"
    # Every field has its label.
    for field in form.find_all("select") + form.find_all("input"):
        assert form.find("label", **{"for": field.get("id")}).text
    assert form.find("button", type="submit")
    assert form.find("a", href=URL).text == "Clear filters"


def test_the_unfiltered_form_offers_no_clear_link(client, world):
    form = get_page(client, URL).find("form", cls="filters")
    assert not form.find_all("a")


def test_regions_are_offered_as_a_tree(client, world):
    response = client.get(URL)
    select = parse(response).find("select", name="region")
    values = [option.get("value") for option in select.find_all("option")]
    assert values == ["", "europe", "middle-east", "levant", "israel"]
    # No-break spaces indent the nested regions.
    html = response.content.decode()
    assert ">\u00a0\u00a0\u00a0Levant<" in html
    assert ">" + "\u00a0" * 6 + "Israel<" in html


@pytest.mark.parametrize(
    "query, field, message",
    [
        ("type=nope", "type", "There is no publication type “nope”."),
        ("topic=nope", "topic", "There is no topic “nope”."),
        ("region=nope", "region", "There is no region or country “nope”."),
        ("expert=nope", "expert", "There is no expert “nope”."),
        ("expert=guest-writer", "expert", "There is no expert “guest-writer”."),
        ("program=nope", "program", "There is no program “nope”."),
        ("language=xx", "language", "There is no language “xx” on this site."),
        ("from=2024-13-01", "from", "Enter the date as YYYY-MM-DD, e.g. 2023-12-14."),
        ("to=yesterday", "to", "Enter the date as YYYY-MM-DD, e.g. 2023-12-14."),
        (
            "from=2024-03-01&to=2024-01-01",
            "to",
            "“To” is before “From”: choose a last day on or after the first.",
        ),
    ],
)
def test_a_bad_value_is_marked_on_the_form_and_the_rest_still_applies(
    client, world, query, field, message
):
    response = client.get(
        f"{URL}?{query}&topic=energy" if "topic" not in query else f"{URL}?{query}"
    )
    assert response.status_code == 200
    page = parse(response)
    form = page.find("form", cls="filters")
    assert form.find("p", role="alert")
    control = form.find(name=field)
    assert control.get("aria-invalid") == "true"
    error = form.find(id=control.get("aria-describedby"))
    assert error.text == message
    if "topic" not in query:  # the valid filter still applies
        assert set(card_titles(page)) <= {"Oil Markets", "Gas Deals"}


@pytest.mark.parametrize(
    "query",
    [
        "topic=" + "a" * 5000,
        "expert=%00",
        "region=%ff%fe",
        "type=<script>",
        "topic=energy&topic=security",
        "from=0000-01-01",
        "from=9999-12-31",
        "to=0001-01-01",
        "from=2024-02-30",
        "language=",
        "language=all&language=ar",
        "page=1&from=",
    ],
)
def test_absurd_values_never_fail(client, world, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200, (query, response.status_code)


def test_a_long_unknown_slug_is_quoted_short(client, world):
    page = get_page(client, f"{URL}?topic=" + "a" * 5000)
    error = page.find("form", cls="filters").find(id="id_topic_error").text
    assert len(error) < 100


def test_a_range_backwards_is_left_out_whole(client, world):
    assert titles(client, "from=2024-03-01&to=2024-01-01") == titles(client)


def test_a_date_is_the_day_in_the_sites_time_zone(client, world, settings):
    settings.TIME_ZONE = "America/New_York"
    late = make_article("Late Evening", published_at=datetime(2024, 5, 2, 2, 0, tzinfo=UTC))
    # 02:00 UTC on May 2 is 22:00 on May 1 in New York.
    assert titles(client, "from=2024-05-01&to=2024-05-01") == [late.title]
    assert titles(client, "from=2024-05-02") == []


def test_nothing_matches_says_so(client, world):
    page = get_page(client, f"{URL}?type=op-ed&region=israel")
    assert page.find("main").find(cls="empty").text == "Nothing matches these filters."
    assert page.find(cls="results-count").text == "0 pieces"


def test_results_are_counted(client, world):
    assert get_page(client, f"{URL}?topic=energy").find(cls="results-count").text == "2 pieces"


def test_labels_are_translatable(client, world):
    page = get_page(client, f"/ar{URL}")
    with override("ar"):
        assert page.find("label", **{"for": "id_topic"}).text == gettext("Topic")
        assert page.find("select", name="topic").find("option").text == gettext("All")


def test_a_bad_date_is_shown_back_as_typed_in_a_text_input(client, world):
    form = get_page(client, f"{URL}?from=2024-13-01&to=2024-12-31").find("form", cls="filters")
    # An <input type=date> may not hold a value that is no date (the Nu checker says so).
    assert form.find("input", name="from").attrs["type"] == "text"
    assert form.find("input", name="from").get("value") == "2024-13-01"
    assert form.find("input", name="to").attrs["type"] == "date"
