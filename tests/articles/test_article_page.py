"""
The demo article page, part by part, against the reference page
(/work/shared/design/page-anatomy.md), in English and in Arabic.
"""

import pytest
from django.conf import settings as django_settings

from articles.models import Article
from experts.models import Expert
from tests.helpers.demo import MAIN_ARABIC_URL as AR_URL
from tests.helpers.demo import MAIN_TITLE as TITLE
from tests.helpers.demo import MAIN_URL as EN_URL
from tests.helpers.htmlpage import get_page

FA_URL = (
    "/fa/policy-analysis/"
    "hmswyy-pwtyn-dr-khawrmyanh-bayd-bh-asrayyl-nshan-dhd-kh-zman-tghyyr-wfadary-fra-rsydh-ast"
)

RECOMMENDED = [
    {
        "type": "Brief Analysis",
        "title": "Women's Dress in Iran: From the Islamic Sitr to the Political Hijab",
        "date": "Dec 7, 2023",
        "authors": ["Mushtaq Abd Manaf"],
    },
    {
        "type": "Brief Analysis",
        "title": "Houthi Ship Attacks Are Affecting Red Sea Trade Routes",
        "date": "Dec 7, 2023",
        "authors": ["Noam Raydan"],
    },
    {
        "type": "Event",
        "title": "The Hamas-Israel War: End of the Beginning or Beginning of the End?",
        "date": "December 14, 2023, starting at 11:00 a.m. EST (1600 GMT)",
        "authors": ["Assaf Orion", "Hanin Ghaddar", "Matthew Levitt"],
    },
]

pytestmark = pytest.mark.usefixtures("demo_once", "db")


@pytest.fixture
def page(client):
    return get_page(client, EN_URL)


@pytest.fixture
def arabic_page(client):
    return get_page(client, AR_URL)


@pytest.fixture
def article():
    return Article.objects.get(language="en", slug=EN_URL.rsplit("/", 1)[1])


def header_of(page):
    return page.find("header", cls="article__header")


def test_page_is_english_left_to_right(page):
    html = page.find("html")
    assert (html.get("lang"), html.get("dir")) == ("en", "ltr")


def test_type_label(page):
    assert header_of(page).find(cls="eyebrow").text == "Articles & Testimony"


def test_title_is_the_only_h1(page):
    assert [h1.text for h1 in page.find_all("h1")] == [TITLE]
    assert page.find("title").text.startswith(TITLE)


def test_byline_links_to_the_author(page):
    byline = header_of(page).find(cls="article__byline")
    assert byline.text == "by Anna Borshchevskaya"
    assert byline.hrefs() == ["/experts/anna-borshchevskaya"]


def test_date(page, client):
    time = header_of(page).find(cls="article__date").find("time")
    assert time.text == "Nov 27, 2023"
    assert time.get("datetime").startswith("2023-11-27")
    assert '<time datetime="2023-11-27' in client.get(EN_URL).content.decode()


def test_also_available_in_arabic(page):
    versions = header_of(page).section("Also available in")
    # Each published version, in the order of settings.LANGUAGES.
    assert versions.hrefs() == [AR_URL, FA_URL]
    assert [link.text for link in versions.links()] == ["العربية", "فارسی"]
    link = versions.links()[0]
    assert link.text == "العربية"
    assert link.get("href") == AR_URL
    assert link.get("lang") == "ar"
    assert link.get("hreflang") == "ar"
    assert link.get("dir") == "rtl"


def test_also_published_in_links_the_original(page, article):
    outlet = header_of(page).find(cls="article__outlet")
    assert outlet.text == "Also published in 19FortyFive"
    assert outlet.find("cite").text == "19FortyFive"
    (link,) = outlet.links()
    assert link.get("href") == article.outlet_url
    assert link.get("href").startswith("https://www.19fortyfive.com/")


def test_summary_is_shown_and_is_the_meta_description(page, article):
    assert article.summary
    assert page.find(cls="article__summary").text == article.summary
    assert page.find("meta", name="description").get("content") == article.summary


def test_body_has_section_headings_and_outside_links(page):
    prose = page.find(cls="prose")
    headings = [heading.text for heading in prose.find_all("h2")]
    assert len(headings) >= 2
    assert all(headings)
    assert len(prose.text.split()) > 300
    outside = [href for href in prose.hrefs() if href.startswith("https://")]
    assert outside
    for link in prose.links():
        assert link.get("rel") == "noopener noreferrer"


def test_hero_image_has_alt_text(page):
    image = page.find("figure", cls="article__hero").find("img")
    assert image.get("src").startswith(django_settings.MEDIA_URL)
    assert image.get("alt")


def test_footer_note(page, article):
    note = page.find(cls="article__footer-note")
    assert "Anna Borshchevskaya" in note.text
    assert "19FortyFive" in note.text
    assert article.outlet_url in note.hrefs()


def test_about_the_authors(page, client):
    about = page.section("About the authors")
    (author,) = about.find_all("li", cls="author")
    photo = author.find("img", cls="author__photo")
    assert photo.get("src").startswith(django_settings.MEDIA_URL)
    assert photo.get("src").startswith("/media/")
    name = author.find(cls="author__name")
    assert name.text == "Anna Borshchevskaya"
    assert name.hrefs() == ["/experts/anna-borshchevskaya"]
    expert = Expert.objects.get(slug="anna-borshchevskaya")
    assert expert.short_bio
    assert author.find(cls="author__bio").text == expert.short_bio
    # The photo is a real image that is served.
    image = client.get(photo.get("src"))
    assert image.status_code == 200
    assert b"".join(image.streaming_content)[:3] == b"\xff\xd8\xff"  # a JPEG


def test_recommended_items_in_order(page):
    cards = page.section("Recommended").find_all("article", cls="card")
    assert len(cards) == 3
    for card, expected in zip(cards, RECOMMENDED, strict=True):
        assert card.find(cls="eyebrow").text == expected["type"]
        title = card.find(cls="card__title")
        assert title.text == expected["title"]
        recommended = Article.objects.get(language="en", title=expected["title"])
        assert title.hrefs() == [recommended.get_absolute_url()]
        assert card.find(cls="card__date").find("time").text == expected["date"]
        names = [name.text for name in card.find(cls="card__byline").find_all("bdi")]
        assert names == expected["authors"]


def test_recommended_authors_link_only_to_existing_profiles(page, client):
    cards = page.section("Recommended").find_all("article", cls="card")
    for card, expected in zip(cards, RECOMMENDED, strict=True):
        byline = card.find(cls="card__byline")
        for name in expected["authors"]:
            expert = Expert.objects.get(name=name)
            url = f"/experts/{expert.slug}"
            if expert.has_profile:
                assert url in byline.hrefs()
                assert client.get(url).status_code == 200
            else:
                assert url not in byline.hrefs()
                assert client.get(url).status_code == 404
    # The reference's guest contributor has no profile, so no link to one.
    first = cards[0].find(cls="card__byline")
    assert first.hrefs() == []
    assert not [href for href in page.hrefs() if href.startswith("/experts/mushtaq")]


def test_event_shows_its_local_time_and_gmt(page):
    event = page.section("Recommended").find_all("article", cls="card")[2]
    time = event.find(cls="card__date").find("time")
    assert time.text == "December 14, 2023, starting at 11:00 a.m. EST (1600 GMT)"
    assert time.get("datetime") == "2023-12-14T16:00:00+00:00"
    byline = event.find(cls="card__byline")
    assert byline.hrefs() == [
        "/experts/assaf-orion",
        "/experts/hanin-ghaddar",
        "/experts/matthew-levitt",
    ]


def test_topics(page, client):
    topics = page.section("Topics")
    assert [(link.text, link.get("href")) for link in topics.links()] == [
        ("Great Power Competition", "/policy-analysis/great-power-competition")
    ]
    topic_page = get_page(client, "/policy-analysis/great-power-competition")
    assert topic_page.find("h1").text == "Great Power Competition"
    assert TITLE in [title.text for title in topic_page.find_all(cls="card__title")]


def test_regions_and_countries(page, client):
    regions = page.section("Regions & Countries")
    assert sorted(regions.hrefs()) == ["/policy-analysis/israel", "/policy-analysis/palestinians"]
    assert sorted(link.text for link in regions.links()) == ["Israel", "Palestinians"]
    for href in regions.hrefs():
        topic_page = get_page(client, href)
        assert TITLE in [title.text for title in topic_page.find_all(cls="card__title")]


def test_hreflang_alternates_in_head(page):
    head = page.find("head")
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in head.find_all("link", rel="alternate", hreflang=True)
    }
    assert alternates == {
        "en": f"http://testserver{EN_URL}",
        "ar": f"http://testserver{AR_URL}",
        "fa": f"http://testserver{FA_URL}",
        "x-default": f"http://testserver{EN_URL}",
    }
    assert head.find("link", rel="canonical").get("href") == f"http://testserver{EN_URL}"


def test_parts_appear_in_reading_order(client):
    """Title, byline, date, translations, outlet, summary, body, note, authors, then aside."""
    html = client.get(EN_URL).content.decode()
    markers = [
        'class="eyebrow"',
        'id="article-title"',
        'class="article__byline"',
        'class="article__date"',
        "Also available in",
        "Also published in",
        'class="article__summary"',
        'class="prose"',
        'class="article__footer-note"',
        "About the authors",
        "Recommended",
        'id="topics"',
        'id="regions"',
    ]
    positions = [html.index(marker) for marker in markers]
    assert positions == sorted(positions)


# --- the Arabic version -------------------------------------------------------------


def test_arabic_page_is_right_to_left(arabic_page):
    html = arabic_page.find("html")
    assert (html.get("lang"), html.get("dir")) == ("ar", "rtl")


def test_arabic_page_links_back_to_english(arabic_page):
    versions = header_of(arabic_page).find(cls="article__translations")
    assert versions.hrefs() == [EN_URL, FA_URL]
    link = versions.links()[0]
    assert link.text == "English"
    assert link.get("href") == EN_URL
    assert link.get("lang") == "en"
    assert link.get("hreflang") == "en"
    assert link.get("dir") == "ltr"


def test_arabic_page_has_its_own_text_and_the_same_classification(arabic_page):
    arabic = Article.objects.get(language="ar", slug=AR_URL.rsplit("/", 1)[1])
    assert arabic_page.find("h1").text == arabic.title
    assert arabic.title != TITLE
    assert (
        arabic.translation_set_id
        == Article.objects.get(language="en", title=TITLE).translation_set_id
    )
    byline = header_of(arabic_page).find(cls="article__byline")
    assert byline.hrefs() == ["/ar/experts/anna-borshchevskaya"]
    aside = arabic_page.find("aside")
    assert set(aside.hrefs()) >= {
        "/ar/policy-analysis/great-power-competition",
        "/ar/policy-analysis/israel",
        "/ar/policy-analysis/palestinians",
    }


def test_arabic_hreflang_alternates(arabic_page):
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in arabic_page.find("head").find_all("link", rel="alternate", hreflang=True)
    }
    assert alternates == {
        "en": f"http://testserver{EN_URL}",
        "ar": f"http://testserver{AR_URL}",
        "fa": f"http://testserver{FA_URL}",
        "x-default": f"http://testserver{EN_URL}",
    }


def test_arabic_slug_is_the_transliterated_title():
    arabic = Article.objects.get(language="ar", slug=AR_URL.rsplit("/", 1)[1])
    assert arabic.get_absolute_url() == AR_URL


# --- the demo's unpublished pieces ---------------------------------------------------------


@pytest.mark.parametrize("slug", ["demo-draft-not-public", "demo-scheduled-not-public"])
def test_demo_unpublished_pieces_are_404_and_unlisted(client, slug):
    response = client.get(f"/policy-analysis/{slug}")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()
    article = Article.objects.get(slug=slug)
    assert not Article.objects.published().filter(pk=article.pk).exists()
    for url in ["/", "/ar/", "/experts/anna-borshchevskaya", EN_URL]:
        listing = client.get(url)
        assert listing.status_code == 200
        assert article.title not in listing.content.decode()
        assert slug not in listing.content.decode()
