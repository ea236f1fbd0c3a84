"""
The expert directory (/experts, /ar/experts, /fa/experts): who is listed, in which
order and groups, the filters (alone, combined, kept in the URL), the name search
(case-, accent- and Arabic-variant-insensitive, in the page's language), and what a
nonsensical request gets. The Arabic directory and the query counts are in
test_expert_directory_arabic.py and test_expert_directory_queries.py.
"""

from urllib.parse import urlencode

import pytest

from experts.models import Expert
from tests.helpers.directory import directory, former, groups, listed, status_message
from tests.helpers.factories import make_expert, make_guest, make_program, make_region, make_topic
from tests.helpers.htmlpage import get_page, parse
from tests.helpers.multilingual import SERVER, html_lang_dir

pytestmark = pytest.mark.django_db


# --- the experts every test here starts from --------------------------------------------


@pytest.fixture
def people(db):
    """
    Seven active experts in two programs, a former one and a guest, with topics and
    nested regions (Middle East > Levant > Israel) of expertise.
    """
    russia = make_program("Russia Program", slug="russia")
    levant_program = make_program("Levant Program", slug="levant-program")
    gpc = make_topic("Great Power Competition", slug="gpc")
    religion = make_topic("Religion", slug="religion")
    middle_east = make_region("Middle East", slug="middle-east")
    levant = make_region("Levant", slug="levant", parent=middle_east)
    israel = make_region("Israel", slug="israel", parent=levant)
    make_region("Gulf", slug="gulf", parent=middle_east)

    def expert(name, *, topics=(), regions=(), **fields):
        made = make_expert(name, **fields)
        made.topics.add(*topics)
        made.regions.add(*regions)
        return made

    return {
        "anna": expert(
            "Anna Borshchevskaya",
            program=russia,
            topics=[gpc],
            regions=[israel, levant],  # both under the Middle East: listed once
            translations={"ar": {"name": "آنا بورشيفسكايا"}},
        ),
        "mushtaq": expert(
            "Mushtaq Abd Manaf",
            program=levant_program,
            topics=[religion],
            translations={"ar": {"name": "مشتاق عبد مناف"}},
        ),
        "ghaith": expert(
            "Ghaith al-Omari",
            program=levant_program,
            topics=[gpc],
            regions=[levant],
            translations={"ar": {"name": "غيث العُمَري"}},
        ),
        "alvarez": expert("José Álvarez", program=russia, topics=[religion]),
        "ortega": expert("Jose Ortega", program=levant_program),
        "ozdemir": expert("Ömer Özdemir"),
        "zaza": expert("Zeynep Zaza"),
        "former": expert(
            "Thomas Avery", program=russia, topics=[gpc], regions=[israel], is_active=False
        ),
        "guest": make_guest("Gale Guest", program=russia),
        "programs": {"russia": russia, "levant": levant_program},
        "topics": {"gpc": gpc, "religion": religion},
    }


ALL_ACTIVE = [
    "Mushtaq Abd Manaf",
    "José Álvarez",
    "Anna Borshchevskaya",
    "Ghaith al-Omari",
    "Jose Ortega",
    "Ömer Özdemir",
    "Zeynep Zaza",
]


# --- who is listed, in which order -----------------------------------------------------------


def test_active_experts_are_grouped_by_initial_in_sort_name_order(client, people):
    page = directory(client)
    assert groups(page) == {
        # Abd Manaf is a family name (under A); "al-" is ignored (al-Omari under O);
        # accents neither break the order nor make a group of their own (Ö is O, Á is A).
        "A": ["Mushtaq Abd Manaf", "José Álvarez"],
        "B": ["Anna Borshchevskaya"],
        "O": ["Ghaith al-Omari", "Jose Ortega", "Ömer Özdemir"],
        "Z": ["Zeynep Zaza"],
    }
    # The letter index links each group's heading, in the same order.
    index = page.find("nav", cls="letter-index")
    assert [link.text for link in index.links()] == ["A", "B", "O", "Z"]
    for link in index.links():
        target = page.find(id=link.get("href").removeprefix("#"))
        assert target.text == link.text
    assert status_message(page) == "7 experts"


def test_guests_have_no_profile_and_are_never_listed(client, people):
    page = directory(client)
    assert "Gale Guest" not in page.find("main").text
    assert directory(client, q="gale").find_all(cls="expert-card") == []
    assert listed(directory(client, program="russia")) == ["José Álvarez", "Anna Borshchevskaya"]


def test_former_experts_are_listed_apart(client, people):
    page = directory(client)
    assert "Thomas Avery" not in listed(page)
    assert former(page) == ["Thomas Avery"]
    section = page.find("section", cls="former-experts")
    assert section.find("h2").text == "Former experts"
    assert section.find("a").get("href") == "/experts/thomas-avery"
    # Not counted among the current experts, and filtered like them.
    assert status_message(page) == "7 experts"
    assert former(directory(client, topic="religion")) == []
    assert former(directory(client, topic="gpc")) == ["Thomas Avery"]


def test_an_experts_name_links_to_their_profile(client, people):
    page = directory(client)
    for card in page.find_all(cls="expert-card"):
        link = card.find(cls="expert-card__name").find("a")
        expert = Expert.objects.get(name=link.text)
        assert link.get("href") == expert.get_absolute_url() == f"/experts/{expert.slug}"
        profile = get_page(client, link.get("href"))
        assert profile.find("h1").text == expert.name
    arabic = directory(client, "/ar")
    link = arabic.find(cls="expert-card__name").find("a")
    assert link.get("href").startswith("/ar/experts/")
    assert get_page(client, link.get("href")).find("html").get("lang") == "ar"


# --- filters ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({"program": "russia"}, ["José Álvarez", "Anna Borshchevskaya"]),
        ({"program": "levant-program"}, ["Mushtaq Abd Manaf", "Ghaith al-Omari", "Jose Ortega"]),
        ({"topic": "gpc"}, ["Anna Borshchevskaya", "Ghaith al-Omari"]),
        ({"topic": "religion"}, ["Mushtaq Abd Manaf", "José Álvarez"]),
        # A region includes its sub-regions: Middle East > Levant > Israel.
        ({"region": "middle-east"}, ["Anna Borshchevskaya", "Ghaith al-Omari"]),
        ({"region": "levant"}, ["Anna Borshchevskaya", "Ghaith al-Omari"]),
        ({"region": "israel"}, ["Anna Borshchevskaya"]),
        ({"region": "gulf"}, []),
        ({"q": "omari"}, ["Ghaith al-Omari"]),
        # Combined, every filter applies.
        ({"program": "levant-program", "topic": "religion"}, ["Mushtaq Abd Manaf"]),
        ({"program": "russia", "topic": "gpc"}, ["Anna Borshchevskaya"]),
        ({"topic": "gpc", "region": "israel"}, ["Anna Borshchevskaya"]),
        ({"topic": "religion", "region": "middle-east"}, []),
        ({"q": "jose", "program": "russia"}, ["José Álvarez"]),
        ({"q": "jose", "program": "levant-program"}, ["Jose Ortega"]),
        (
            {"q": "a", "program": "russia", "topic": "gpc", "region": "levant"},
            ["Anna Borshchevskaya"],
        ),
    ],
    ids=lambda value: "+".join(value) if isinstance(value, dict) else None,
)
def test_filters_alone_and_combined(client, people, filters, expected):
    page = directory(client, **filters)
    assert listed(page) == expected
    if expected:
        assert status_message(page) == (
            f"{len(expected)} expert" if len(expected) == 1 else f"{len(expected)} experts"
        )
    else:
        assert page.find("main").find(cls="empty").text == "No expert matches these filters."
    # A filtered list names the unfiltered one as its canonical address.
    assert page.find("head").find("link", rel="canonical").get("href") == f"{SERVER}/experts"


def test_the_form_keeps_the_chosen_filters(client, people):
    page = directory(client, q="jos", program="russia", topic="religion", region="levant")
    form = page.find("form", cls="filters")
    assert form.get("method") == "get"
    assert form.get("action") == "/experts"
    assert form.find("input", name="q").get("value") == "jos"
    for name, slug in [("program", "russia"), ("topic", "religion"), ("region", "levant")]:
        selected = form.find("select", name=name).find_all("option", selected=True)
        assert [option.get("value") for option in selected] == [slug]
    # Options are named in the page's language and chosen by slug.
    options = form.find("select", name="program").find_all("option")
    assert [(option.get("value"), option.text) for option in options] == [
        ("", "All"),
        ("levant-program", "Levant Program"),
        ("russia", "Russia Program"),
    ]
    assert form.find("a", href="/experts").text == "Clear filters"


def test_the_unfiltered_form_chooses_nothing(client, people):
    form = directory(client).find("form", cls="filters")
    assert form.find("input", name="q").get("value") is None
    for name in ("program", "topic", "region"):
        selected = form.find("select", name=name).find_all("option", selected=True)
        assert [option.get("value") for option in selected] == [""]
    assert not form.find_all("a", href="/experts")


# --- the name search -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, expected",
    [
        ("borshchevskaya", ["Anna Borshchevskaya"]),
        ("BORSHCHEVSKAYA", ["Anna Borshchevskaya"]),
        ("Borshchevskaya", ["Anna Borshchevskaya"]),
        ("anna borsh", ["Anna Borshchevskaya"]),
        ("Borshchevskaya, Anna", ["Anna Borshchevskaya"]),
        ("José", ["José Álvarez", "Jose Ortega"]),
        ("jose", ["José Álvarez", "Jose Ortega"]),
        ("JOSE ALVAREZ", ["José Álvarez"]),
        ("Jósé Ortegá", ["Jose Ortega"]),
        ("ozdemir", ["Ömer Özdemir"]),
        ("al-Omari", ["Ghaith al-Omari"]),
        ("Al Omari", ["Ghaith al-Omari"]),
        ("abd manaf", ["Mushtaq Abd Manaf"]),
        # The Arabic names are searched on every page, English ones included.
        ("العمري", ["Ghaith al-Omari"]),
        ("nobody-of-that-name", []),
    ],
)
def test_search_ignores_case_and_accents(client, people, query, expected):
    assert listed(directory(client, q=query)) == expected


@pytest.mark.parametrize(
    "query, expected",
    [
        ("غيث العُمَري", ["غيث العُمَري"]),  # as written in the Arabic name
        ("غيث العمري", ["غيث العُمَري"]),  # without its short vowels
        ("العمري", ["غيث العُمَري"]),
        ("انا بورشيفسكايا", ["آنا بورشيفسكايا"]),  # a bare alef for the alef madda
        ("آنا", ["آنا بورشيفسكايا"]),
        ("عبد مناف", ["مشتاق عبد مناف"]),
        ("Borshchevskaya", ["آنا بورشيفسكايا"]),  # the English name finds them too
    ],
)
def test_arabic_search_finds_the_arabic_name(client, people, query, expected):
    page = directory(client, "/ar", q=query)
    assert html_lang_dir(page) == ("ar", "rtl")
    assert listed(page) == expected


def test_a_query_typed_with_persian_letters_finds_the_arabic_spelling(client):
    make_expert("Ali Karimi", translations={"ar": {"name": "علي كريمي"}})
    make_expert("Other Person")
    # Persian keyboards type ی and ک where Arabic has ي and ك.
    assert listed(directory(client, "/fa", q="علی کریمی")) == ["Ali Karimi"]
    assert listed(directory(client, "/ar", q="علی کریمی")) == ["علي كريمي"]


# --- requests that make no sense get a page, never an error -----------------------------------


@pytest.mark.parametrize(
    "filters, invalid",
    [
        ({"program": "no-such-program"}, "program"),
        ({"topic": "no-such-topic"}, "topic"),
        ({"region": "no-such-region"}, "region"),
        ({"region": "../../etc/passwd"}, "region"),
        ({"program": "' OR 1=1 --"}, "program"),
    ],
)
def test_an_unknown_filter_is_marked_on_the_form(client, people, filters, invalid):
    page = directory(client, **filters)
    form = page.find("form", cls="filters")
    assert form.find(role="alert").text == (
        "Some filters could not be used; they are marked below."
    )
    select = form.find("select", name=invalid)
    assert select.get("aria-invalid") == "true"
    error = form.find(id=select.get("aria-describedby"))
    assert "Select a valid choice" in error.text
    # The filter that could not be used is not applied: everyone is listed.
    assert listed(page) == ALL_ACTIVE


def test_the_valid_filters_still_apply_beside_an_unknown_one(client, people):
    """The message says the marked filters could not be used, so the others are."""
    page = directory(client, program="no-such-program", topic="gpc")
    assert page.find("form", cls="filters").find(role="alert")
    assert listed(page) == ["Anna Borshchevskaya", "Ghaith al-Omari"]
    assert former(page) == ["Thomas Avery"]
    selected = page.find("select", name="topic").find_all("option", selected=True)
    assert [option.get("value") for option in selected] == ["gpc"]
    page = directory(client, q="omari", region="atlantis")
    assert listed(page) == ["Ghaith al-Omari"]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"Anna',
        "O'Brien\"",
        "'; DROP TABLE experts_expert; --",
        "1' OR '1'='1",
        "Robert'); DELETE FROM experts_expert WHERE ('1'='1",
        "%",
        "%%",
        "\\",
        "<script>alert(1)</script>",
        "{{ expert.email }}",
        "&& || !",
        "* + ? ( ) [ ] ^ $",
    ],
)
def test_an_absurd_query_finds_nobody_and_says_so(client, people, query):
    page = directory(client, q=query)
    assert listed(page) == []
    assert page.find("main").find(cls="empty").text == "No expert matches these filters."
    assert status_message(page) == "0 experts"
    assert page.find("main").find("input", name="q").get("value") == query  # shown as text, kept
    assert Expert.objects.count() == 9  # and nothing happened to the table


@pytest.mark.parametrize("query", ["-", "_", "'", "--", "- _ .", "’"])
def test_a_query_of_signs_only_is_no_query(client, people, query):
    """Signs that names are folded without (hyphens, dots, apostrophes) leave no word."""
    page = directory(client, q=query)
    assert listed(page) == ALL_ACTIVE
    assert status_message(page) == "7 experts"


@pytest.mark.parametrize(
    "query",
    ["x" * 10_000, "Anna " * 2_000, "ا" * 10_000, "Anna\x00Borshchevskaya"],
    ids=["10000-letters", "10000-chars-of-words", "10000-arabic-letters", "nul-character"],
)
def test_a_query_that_cannot_be_used_is_marked_on_the_form(client, people, query):
    response = client.get("/experts", {"q": query})
    assert response.status_code == 200
    page = parse(response)
    form = page.find("form", cls="filters")
    assert form.find(role="alert").text == (
        "Some filters could not be used; they are marked below."
    )
    assert form.find("input", name="q").get("aria-invalid") == "true"
    assert form.find_all(cls="filters__error")[-1].text  # says why
    assert listed(page) == ALL_ACTIVE
    # And beside another filter, that one still applies.
    page = get_page(client, "/experts?" + urlencode({"q": query, "topic": "gpc"}))
    assert listed(page) == ["Anna Borshchevskaya", "Ghaith al-Omari"]


def test_a_repeated_parameter_answers_a_page(client, people):
    """The last value of a repeated parameter is used; an unknown parameter is ignored."""
    page = get_page(client, "/experts?topic=gpc&topic=religion&q=a&q=b&page=x&sort=1")
    assert listed(page) == ["Mushtaq Abd Manaf"]  # religion, and a "b" in the name
