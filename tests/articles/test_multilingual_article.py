"""
The Arabic and Persian demo articles part by part, with translated labels,
local dates and digits, and the event line.

Labels are computed with translation.override() + gettext, never hard-coded.
"""

from datetime import UTC, datetime

import pytest
from django.utils import formats, translation

from articles.models import Article
from experts.models import Expert
from tests.helpers.factories import (
    make_article,
    make_event,
)
from tests.helpers.htmlpage import get_page
from tests.helpers.multilingual import (
    AR_EVENT_URL,
    AR_SLUG,
    AR_URL,
    ARABIC_LETTERS,
    ASCII_DIGITS,
    DEMO_EXPERT,
    DEMO_TOPIC,
    EN_URL,
    EVENT_LINE,
    PERSIAN_DIGITS,
    demo_version,
    expected_event_line,
    html_lang_dir,
    local_date,
    published,
    translated,
)

pytestmark = pytest.mark.usefixtures("demo_once", "db")


# --- the Arabic demo article, part by part ----------------------------------------------------


@pytest.fixture
def arabic_page(client):
    page = get_page(client, AR_URL)
    assert html_lang_dir(page) == ("ar", "rtl")
    return page


@pytest.fixture
def arabic_article():
    return Article.objects.get(language="ar", slug=AR_SLUG)


def arabic_header(page):
    return page.find("header", cls="article__header")


def test_arabic_article_is_arabic_right_to_left(arabic_page):
    assert html_lang_dir(arabic_page) == ("ar", "rtl")


def test_arabic_type_label(arabic_page, arabic_article):
    label = arabic_article.publication_type.get_translation("name", "ar")
    assert label != arabic_article.publication_type.name, "the demo type has no Arabic name"
    assert ARABIC_LETTERS.search(label)
    assert arabic_header(arabic_page).find(cls="eyebrow").text == label


def test_arabic_byline_has_the_translated_by_and_the_arabic_name(arabic_page):
    expert = Expert.objects.get(slug=DEMO_EXPERT)
    name = expert.get_translation("name", "ar")
    assert name != expert.name, "the demo expert has no Arabic name"
    by = translated("ar", "by", context="byline: by <authors>")
    byline = arabic_header(arabic_page).find(cls="article__byline")
    assert byline.text == f"{by} {name}"
    (link,) = byline.links()
    assert link.get("href") == f"/ar/experts/{DEMO_EXPERT}"
    assert link.find("bdi").text == name


def test_arabic_date(arabic_page, arabic_article):
    time = arabic_header(arabic_page).find(cls="article__date").find("time")
    assert "نوفمبر" in time.text
    assert time.text == local_date(arabic_article.published_at, "ar")
    assert time.get("datetime").startswith("2023-11-28")  # machine-readable, ASCII


def test_arabic_also_published_in(arabic_page):
    outlet = arabic_header(arabic_page).find(cls="article__outlet")
    label = translated("ar", "Also published in")
    assert outlet.text == f"{label} 19FortyFive"


def test_arabic_also_available_in(arabic_page):
    versions = arabic_header(arabic_page).section(translated("ar", "Also available in"))
    expected = [("en", "English", EN_URL)]
    persian = demo_version("fa")
    if persian is not None:
        expected.append(("fa", "فارسی", persian.get_absolute_url()))
    assert [
        (link.get("lang"), link.text, link.get("href")) for link in versions.links()
    ] == expected
    for link in versions.links():
        assert link.get("hreflang") == link.get("lang")
        assert link.get("dir") == ("ltr" if link.get("lang") == "en" else "rtl")


def test_arabic_about_the_authors(arabic_page):
    expert = Expert.objects.select_related("program").get(slug=DEMO_EXPERT)
    about = arabic_page.section(translated("ar", "About the authors"))
    (author,) = about.find_all("li", cls="author")
    name = author.find(cls="author__name")
    assert name.text == expert.get_translation("name", "ar")
    assert name.hrefs() == [f"/ar/experts/{DEMO_EXPERT}"]
    assert author.find(cls="author__bio").text == expert.get_translation("short_bio", "ar")
    assert author.find(cls="author__program").text == expert.program.get_translation("name", "ar")


def test_arabic_topics(arabic_page, arabic_article):
    topics = arabic_page.section(translated("ar", "Topics"))
    expected = {
        (topic.get_translation("name", "ar"), f"/ar/policy-analysis/{topic.slug}")
        for topic in arabic_article.topics.all()
    }
    assert expected
    assert {(link.text, link.get("href")) for link in topics.links()} == expected


def test_arabic_regions_and_countries(arabic_page, arabic_article):
    regions = arabic_page.section(translated("ar", "Regions & Countries"))
    expected = {
        (region.get_translation("name", "ar"), f"/ar/policy-analysis/{region.slug}")
        for region in arabic_article.regions.all()
    }
    assert len(expected) == 2
    assert {(link.text, link.get("href")) for link in regions.links()} == expected


def test_arabic_page_chrome_is_translated(arabic_page):
    assert arabic_page.find("a", cls="skip-link").text == translated("ar", "Skip to content")
    nav = arabic_page.find("nav", cls="language-switcher")
    assert nav.get("aria-label") == translated("ar", "Languages")
    assert arabic_page.find("aside").get("aria-label") == translated("ar", "Related")
    note = arabic_page.find(cls="site-footer__note").text
    assert note == translated(
        "ar", "Independent research and analysis on policy, security and the Middle East."
    )


def test_arabic_demo_event_page_has_the_translated_event_line(client):
    page = get_page(client, AR_EVENT_URL)
    event = Article.objects.get(language="ar", slug=AR_EVENT_URL.rsplit("/", 1)[1])
    time = arabic_header(page).find(cls="article__date").find("time")
    assert time.text == expected_event_line(event, "ar")
    assert "1600" in time.text
    assert "ديسمبر" in time.text
    assert time.get("datetime") == "2023-12-14T16:00:00+00:00"
    assert arabic_header(page).find(cls="article__place").text == translated("ar", "Online")


# --- Persian digits --------------------------------------------------------------------------


def test_persian_page_dates_use_persian_digits(client):
    when = datetime(2023, 11, 27, 15, 0, tzinfo=UTC)
    article = make_article("تحلیل فارسی آزمایشی", slug="", language="fa", published_at=when)
    page = get_page(client, article.get_absolute_url())
    assert html_lang_dir(page) == ("fa", "rtl")
    time = page.find("header", cls="article__header").find(cls="article__date").find("time")
    assert not ASCII_DIGITS.search(time.text), time.text
    assert "۲۷" in time.text
    assert "۲۰۲۳" in time.text
    with translation.override("fa"):
        month = formats.date_format(when, "F")
    assert month in time.text
    assert time.get("datetime") == "2023-11-27T15:00:00+00:00"  # stays ASCII
    # The Persian home page lists it with the same digits.
    home = get_page(client, "/fa/")
    (card,) = [
        card
        for card in home.find_all("article", cls="card")
        if card.find(cls="card__title").text == article.title
    ]
    assert card.find(cls="card__date").text == time.text


def test_persian_event_line_uses_persian_digits(client):
    event = make_event("رویداد آزمایشی", slug="", language="fa")
    page = get_page(client, event.get_absolute_url())
    time = page.find(cls="article__date").find("time")
    assert not ASCII_DIGITS.search(time.text), time.text
    assert "۱۶۰۰" in time.text
    assert time.get("datetime") == "2023-12-14T16:00:00+00:00"


def test_demo_persian_article(client):
    persian = demo_version("fa")
    assert persian is not None, "the demo has no published Persian version of its article"
    page = get_page(client, persian.get_absolute_url())
    assert html_lang_dir(page) == ("fa", "rtl")
    header = page.find("header", cls="article__header")
    time = header.find(cls="article__date").find("time")
    assert time.text == local_date(persian.published_at, "fa").translate(
        str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
    )
    assert PERSIAN_DIGITS.search(time.text)
    assert not ASCII_DIGITS.search(time.text)
    expert = Expert.objects.get(slug=DEMO_EXPERT)
    by = translated("fa", "by", context="byline: by <authors>")
    byline = header.find(cls="article__byline")
    assert byline.text == f"{by} {expert.get_translation('name', 'fa')}"
    assert byline.hrefs() == [f"/fa/experts/{DEMO_EXPERT}"]
    versions = header.section(translated("fa", "Also available in"))
    assert [(link.get("lang"), link.get("href")) for link in versions.links()] == [
        ("en", EN_URL),
        ("ar", AR_URL),
    ]
    topics = page.section(translated("fa", "Topics"))
    assert topics.hrefs() == [f"/fa/policy-analysis/{DEMO_TOPIC}"]


def test_demo_persian_pages_use_persian_digits(client):
    """Whatever Persian work the demo publishes is dated in Persian digits."""
    page = get_page(client, "/fa/")
    assert html_lang_dir(page) == ("fa", "rtl")
    dates = [card.find(cls="card__date").text for card in page.find_all("article", cls="card")]
    assert len(dates) == min(published("fa").count(), 20)
    for text in dates:
        assert PERSIAN_DIGITS.search(text), text
        assert not ASCII_DIGITS.search(text), text


# --- the event line in Arabic ------------------------------------------------------------------


def test_event_recommended_on_an_arabic_page_has_the_arabic_event_line(client):
    event = make_event("فعالية تجريبية", slug="", language="ar")
    article = make_article("مقالة توصي بفعالية", slug="", language="ar", recommendations=[event])
    page = get_page(client, article.get_absolute_url())
    recommended = page.section(translated("ar", "Recommended"))
    (card,) = recommended.find_all("article", cls="card")
    time = card.find(cls="card__date").find("time")
    template = translated("ar", EVENT_LINE)
    assert "%(gmt)s" in template
    assert time.text == expected_event_line(event, "ar")
    assert "1600" in time.text
    assert "ديسمبر" in time.text
    assert "starting at" not in time.text
    assert time.get("datetime") == "2023-12-14T16:00:00+00:00"
