"""
The Arabic expert profile (/ar/experts/<slug>): the Arabic name, role and bio, English
where nothing is translated, and the Arabic publications listed first.
"""

import pytest

from tests.helpers.expert_profile import URL, in_arabic, make_anna, publications
from tests.helpers.factories import days_ago, make_article, make_expert, make_translation
from tests.helpers.htmlpage import get_page
from tests.helpers.multilingual import html_lang_dir, translated

pytestmark = pytest.mark.django_db

anna = pytest.fixture(make_anna, name="anna")


# --- in Arabic ------------------------------------------------------------------------------------


def test_arabic_profile_shows_the_arabic_name_role_and_bio(client, anna):
    page = get_page(client, f"/ar{URL}")
    assert html_lang_dir(page) == ("ar", "rtl")
    header = page.find("header", cls="profile")
    assert header.find("h1").text == "آنا بورشيفسكايا"
    assert header.find(cls="profile__role").text == "زميلة أولى"
    program = header.find(cls="profile__program").find("a")
    assert (program.text, program.get("href")) == (
        "برنامج منافسة القوى الكبرى",
        "/ar/programs/great-power-program",
    )
    assert page.find(cls="profile__bio").text == "آنا بورشيفسكايا زميلة أولى."
    assert page.section(translated("ar", "Languages")).find("p").text == "الإنجليزية، الروسية"
    # The page's own words are Arabic (those not translated yet read as the catalogue says).
    assert page.find("section", aria_labelledby="publications").find("h2").text == translated(
        "ar", "Publications"
    )
    for section_id, heading in [("expertise", "Areas of expertise"), ("contact", "Contact")]:
        section = page.find("section", aria_labelledby=section_id)
        assert section.find("h2").text == in_arabic(heading)
    # Areas of expertise lead to the Arabic topic and region pages.
    expertise = page.find("section", aria_labelledby="expertise")
    assert expertise.hrefs() == [
        "/ar/policy-analysis/great-power-competition",
        "/ar/policy-analysis/levant",
    ]


def test_arabic_profile_falls_back_to_english_where_nothing_is_translated(client):
    make_expert(
        "Sophie Lindqvist",
        role="Fellow",
        bio="<p>Sophie studies Gulf security.</p>",
        languages="English, Swedish",
        translations={"fa": {"name": "سوفی لیندکویست"}},
    )
    page = get_page(client, "/ar/experts/sophie-lindqvist")
    assert html_lang_dir(page) == ("ar", "rtl")
    assert page.find("h1").text == "Sophie Lindqvist"
    assert page.find(cls="profile__role").text == "Fellow"
    assert page.find(cls="profile__bio").text == "Sophie studies Gulf security."
    assert page.section(translated("ar", "Languages")).find("p").text == "English, Swedish"
    assert page.find("section", aria_labelledby="publications").find("h2").text == translated(
        "ar", "Publications"
    )
    assert get_page(client, "/fa/experts/sophie-lindqvist").find("h1").text == "سوفی لیندکویست"


def test_arabic_profile_lists_arabic_publications_first(client, anna):
    newest_english = make_article("Newest English", authors=[anna], published_at=days_ago(1))
    make_translation(
        newest_english, "ar", "الأحدث بالعربية", authors=[anna], published_at=days_ago(2)
    )
    make_article("Older English", authors=[anna], published_at=days_ago(3))
    make_article("أقدم بالعربية", language="ar", slug="", authors=[anna], published_at=days_ago(9))

    arabic = get_page(client, f"/ar{URL}")
    assert publications(arabic) == [
        "الأحدث بالعربية",
        "أقدم بالعربية",
        "Newest English",
        "Older English",
    ]
    # Work in another language says so, for the reader's browser and screen reader.
    english_link = arabic.find("a", text="Newest English")
    assert (english_link.get("lang"), english_link.get("dir")) == ("en", "ltr")
    assert arabic.find("a", text="أقدم بالعربية").get("lang") is None

    english = get_page(client, URL)
    assert publications(english) == [
        "Newest English",
        "Older English",
        "الأحدث بالعربية",
        "أقدم بالعربية",
    ]
