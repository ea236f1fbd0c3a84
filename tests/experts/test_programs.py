"""
Program pages: the list (/programs) and each program (/programs/<slug>) with its
description, its current experts and its latest published work, in every language,
with a query count that does not grow with the experts or the work.
"""

import pytest

from articles.views.experts import PAGE_SIZE
from tests.helpers.budgets import page_queries
from tests.helpers.factories import (
    days_ago,
    in_future,
    make_article,
    make_expert,
    make_guest,
    make_program,
    make_translation,
)
from tests.helpers.htmlpage import get_page, parse
from tests.helpers.multilingual import html_lang_dir, translated

pytestmark = pytest.mark.django_db

URL = "/programs/great-power"


def program_experts(page):
    sections = page.find_all("section", aria_labelledby="program-experts")
    if not sections:
        return []
    return [name.text for name in sections[0].find_all(cls="expert-card__name")]


def latest_work(page):
    section = page.find("section", aria_labelledby="program-publications")
    return [title.text for title in section.find_all(cls="card__title")]


@pytest.fixture
def program(db):
    return make_program(
        "Program on Great Power Competition",
        slug="great-power",
        description="How Russia and China compete with the United States in the Middle East.",
        translations={
            "ar": {
                "name": "برنامج منافسة القوى الكبرى",
                "description": "كيف تتنافس روسيا والصين مع الولايات المتحدة في الشرق الأوسط.",
            }
        },
    )


# --- the list ------------------------------------------------------------------------------------


def test_programs_are_listed_in_their_order_with_links(client, program):
    make_program("Program on Counterterrorism", slug="counterterrorism", position=2)
    make_program("Program on Arab Politics", slug="arab-politics", position=1)
    program.position = 0
    program.save()
    page = get_page(client, "/programs")
    items = page.find("ul", cls="program-list").find_all("li")
    assert [(item.find("a").text, item.find("a").get("href")) for item in items] == [
        ("Program on Great Power Competition", URL),
        ("Program on Arab Politics", "/programs/arab-politics"),
        ("Program on Counterterrorism", "/programs/counterterrorism"),
    ]
    assert items[0].find(cls="card__summary").text == program.description
    for item in items:
        assert get_page(client, item.find("a").get("href")).find("h1").text == item.find("a").text


def test_program_list_in_arabic(client, program):
    make_program("Untranslated Program", slug="untranslated", position=5)
    page = get_page(client, "/ar/programs")
    assert html_lang_dir(page) == ("ar", "rtl")
    links = page.find("ul", cls="program-list").links()
    assert [(link.text, link.get("href")) for link in links] == [
        ("برنامج منافسة القوى الكبرى", "/ar/programs/great-power"),
        ("Untranslated Program", "/ar/programs/untranslated"),  # English as a fallback
    ]
    assert page.find(cls="card__summary").text == program.translations["ar"]["description"]


def test_no_program_yet(client, db):
    page = get_page(client, "/programs")
    assert page.find("main").find(cls="empty").text == "No program has been added yet."


# --- a program -----------------------------------------------------------------------------------


def test_program_page_shows_its_description(client, program):
    page = get_page(client, URL)
    assert page.find("h1").text == "Program on Great Power Competition"
    assert page.find(cls="page__intro").text == program.description
    assert page.find("nav", cls="breadcrumb").find("a").get("href") == "/programs"
    assert page.find("title").text == "Program on Great Power Competition | The Thinktank Institute"


def test_program_page_lists_its_current_experts_with_a_profile(client, program):
    make_expert("Anna Borshchevskaya", program=program, position=1)
    make_expert("Ghaith al-Omari", program=program, position=1)
    make_expert("Zeynep Zaza", program=program, position=0)  # the program's lead, first
    make_expert("Thomas Avery", program=program, is_active=False)
    make_guest("Gale Guest", program=program)
    make_expert("Other Program's", program=make_program())
    make_expert("No Program")

    page = get_page(client, URL)
    # By position, then by sort name: al-Omari under O, after Borshchevskaya.
    assert program_experts(page) == ["Zeynep Zaza", "Anna Borshchevskaya", "Ghaith al-Omari"]
    section = page.find("section", aria_labelledby="program-experts")
    assert section.find("a", text="Anna Borshchevskaya").get("href") == (
        "/experts/anna-borshchevskaya"
    )


def test_a_program_without_experts_has_no_experts_section(client, program):
    make_guest("Gale Guest", program=program)
    make_expert("Thomas Avery", program=program, is_active=False)
    page = get_page(client, URL)
    assert program_experts(page) == []
    assert not page.find_all("section", aria_labelledby="program-experts")
    assert page.find("section", aria_labelledby="program-publications").find(cls="empty")


def test_latest_work_of_its_experts_without_drafts_scheduled_or_duplicates(client, program):
    anna = make_expert("Anna Borshchevskaya", program=program)
    ghaith = make_expert("Ghaith al-Omari", program=program)
    outsider = make_expert("Outside Author", program=make_program())
    make_article("Anna alone", authors=[anna], published_at=days_ago(3))
    make_article(
        "Co-written by two of its experts", authors=[anna, ghaith], published_at=days_ago(1)
    )
    make_article("With an outsider", authors=[outsider, ghaith], published_at=days_ago(2))
    make_article("By the outsider only", authors=[outsider])
    make_article("Draft", authors=[anna], published=False)
    make_article("Scheduled", authors=[ghaith], published_at=in_future(1))

    page = get_page(client, URL)
    assert latest_work(page) == [
        "Co-written by two of its experts",
        "With an outsider",
        "Anna alone",
    ]
    section = page.find("section", aria_labelledby="program-publications")
    assert section.find("h2").text == "Latest work"
    card = section.find("article", cls="card")
    assert [link.text for link in card.find(cls="card__byline").links()] == [
        "Anna Borshchevskaya",
        "Ghaith al-Omari",
    ]


def test_latest_work_is_paginated(client, program):
    anna = make_expert("Anna Borshchevskaya", program=program)
    for day in range(1, PAGE_SIZE + 3):
        make_article(f"Piece {day:02d}", authors=[anna], published_at=days_ago(day))
    first = get_page(client, URL)
    assert latest_work(first) == [f"Piece {day:02d}" for day in range(1, PAGE_SIZE + 1)]
    assert first.find("nav", cls="pagination").find("a", rel="next").get("href") == "?page=2"
    second = get_page(client, f"{URL}?page=2")
    assert latest_work(second) == ["Piece 21", "Piece 22"]
    assert program_experts(second) == ["Anna Borshchevskaya"]


def test_program_page_in_arabic(client, program):
    anna = make_expert(
        "Anna Borshchevskaya",
        program=program,
        role="Senior Fellow",
        translations={"ar": {"name": "آنا بورشيفسكايا", "role": "زميلة أولى"}},
    )
    # No Arabic name: the English one. Placed after Anna, whatever the names' scripts.
    make_expert("Sophie Lindqvist", program=program, position=1)
    english = make_article("English piece", authors=[anna], published_at=days_ago(1))
    make_translation(english, "ar", "مقال بالعربية", authors=[anna], published_at=days_ago(2))

    page = get_page(client, f"/ar{URL}")
    assert html_lang_dir(page) == ("ar", "rtl")
    assert page.find("h1").text == "برنامج منافسة القوى الكبرى"
    assert page.find(cls="page__intro").text == program.translations["ar"]["description"]
    assert page.find("title").text.startswith("برنامج منافسة القوى الكبرى |")
    assert program_experts(page) == ["آنا بورشيفسكايا", "Sophie Lindqvist"]
    assert page.find(cls="expert-card__role").text == "زميلة أولى"
    section = page.find("section", aria_labelledby="program-experts")
    assert section.find("a").get("href") == "/ar/experts/anna-borshchevskaya"
    # The page's words in Arabic, and the Arabic work first.
    work = page.find("section", aria_labelledby="program-publications")
    assert work.find("h2").text == translated("ar", "Latest work")
    assert latest_work(page) == ["مقال بالعربية", "English piece"]
    assert work.find("a", text="English piece").get("lang") == "en"
    # In English, the English work first.
    assert latest_work(get_page(client, URL)) == ["English piece", "مقال بالعربية"]


def test_arabic_program_page_orders_experts_by_their_arabic_names(client, program):
    """Names shown in Arabic are in the Arabic alphabet's order, as in the directory."""
    make_expert(
        "Anna Borshchevskaya", program=program, translations={"ar": {"name": "آنا زاخاروفا"}}
    )
    make_expert("Zeynep Zaza", program=program, translations={"ar": {"name": "زينب أباظة"}})
    assert program_experts(get_page(client, URL)) == ["Anna Borshchevskaya", "Zeynep Zaza"]
    assert program_experts(get_page(client, f"/ar{URL}")) == ["زينب أباظة", "آنا زاخاروفا"]


@pytest.mark.parametrize("prefix", ["", "/ar", "/fa"])
def test_unknown_program_is_not_found(client, db, prefix):
    response = client.get(f"{prefix}/programs/no-such-program")
    assert response.status_code == 404
    page = parse(response)
    assert page.find("main").find(cls="error-page")
    assert page.find("html").get("lang") == (prefix.strip("/") or "en")


# --- queries --------------------------------------------------------------------------------------


def grow(program, experts, articles_each):
    """`experts` more experts of `program` (with photos), each writing `articles_each`
    pieces with a guest and an expert of another program."""
    other = make_program()
    for _ in range(experts):
        expert = make_expert(program=program, photo=True, role="Fellow")
        for _ in range(articles_each):
            make_article(authors=[expert, make_guest(), make_expert(program=other)])


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_program_page_queries_do_not_grow(client, program, prefix, django_assert_max_num_queries):
    grow(program, experts=1, articles_each=1)
    small, page = page_queries(client, f"{prefix}{URL}", clear_cache=False)
    assert (len(program_experts(page)), len(latest_work(page))) == (1, 1)
    grow(program, experts=12, articles_each=3)
    # The program, its experts, the count, the page's ids (kept as the count is), which
    # of them are public (articles.cards), the rows of the cards not kept, their bylines.
    with django_assert_max_num_queries(7):
        large, page = page_queries(client, f"{prefix}{URL}", clear_cache=False)
    assert (len(program_experts(page)), len(latest_work(page))) == (13, PAGE_SIZE)
    assert small == large


def test_program_list_queries_do_not_grow(client, db, django_assert_max_num_queries):
    make_program()
    small, page = page_queries(client, "/programs", clear_cache=False)
    for _ in range(15):
        grow(make_program(), experts=1, articles_each=1)
    with django_assert_max_num_queries(2):
        large, page = page_queries(client, "/programs", clear_cache=False)
    assert len(page.find("ul", cls="program-list").find_all("li")) == 31  # 1 + 15 * 2
    assert small == large
