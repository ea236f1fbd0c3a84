"""
What readers may see: only published work dated now or earlier, on every page and
list; everything else is a styled 404, and no address makes the site fail.
"""

import pytest
from django.conf import settings as django_settings
from django.utils import translation

from tests.helpers.factories import (
    in_future,
    make_article,
    make_expert,
    make_guest,
    make_region,
    make_topic,
)
from tests.helpers.htmlpage import get_page, parse

pytestmark = pytest.mark.django_db

NOT_FOUND_TEXT = "We could not find that page"


def assert_styled_404(response):
    assert response.status_code == 404
    page = parse(response)
    # The site's own chrome: header with the brand, the language switcher, the footer.
    brand = page.find("a", cls="site-brand")
    assert brand.text == django_settings.SITE_NAME
    assert page.find("header", cls="site-header")
    assert page.find("footer", cls="site-footer")
    # In the page's language: the 404 of /ar/... is in Arabic.
    with translation.override(page.find("html").get("lang")):
        assert page.find("h1").text == translation.gettext(NOT_FOUND_TEXT)
    assert page.find("meta", name="robots").get("content") == "noindex"


@pytest.fixture
def world(db):
    """A published article, a draft and a scheduled one, sharing author, topic and regions."""
    expert = make_expert("Visible Author")
    topic = make_topic("Maritime Security")
    middle_east = make_region("Middle East")
    israel = make_region("Israel", parent=middle_east)
    shared = {"authors": [expert], "topics": [topic], "regions": [israel]}
    published = make_article("Published Piece", **shared)
    draft = make_article("Draft Piece", published=False, **shared)
    scheduled = make_article("Scheduled Piece", published_at=in_future(), **shared)
    ar_published = make_article("Arabic Published Piece", language="ar", **shared)
    ar_draft = make_article("Arabic Draft Piece", language="ar", published=False, **shared)
    ar_scheduled = make_article(
        "Arabic Scheduled Piece", language="ar", published_at=in_future(), **shared
    )
    return {
        "expert": expert,
        "topic": topic,
        "middle_east": middle_east,
        "israel": israel,
        "published": published,
        "draft": draft,
        "scheduled": scheduled,
        "ar_published": ar_published,
        "ar_draft": ar_draft,
        "ar_scheduled": ar_scheduled,
    }


# --- the article page -------------------------------------------------------------


def test_published_article_is_shown(client, world):
    page = get_page(client, "/policy-analysis/published-piece")
    assert page.find("h1").text == "Published Piece"


@pytest.mark.parametrize("key", ["draft", "scheduled", "ar_draft", "ar_scheduled"])
def test_unpublished_article_page_is_a_styled_404(client, world, key):
    article = world[key]
    assert_styled_404(client.get(article.get_absolute_url()))


@pytest.mark.parametrize(
    "url",
    [
        "/policy-analysis/no-such-article",
        "/ar/policy-analysis/no-such-article",
        "/experts/no-such-expert",
        "/no/such/page",
    ],
)
def test_unknown_address_is_a_styled_404(client, db, url):
    assert_styled_404(client.get(url))


def test_arabic_404_is_in_arabic_chrome(client, db):
    response = client.get("/ar/policy-analysis/no-such-article")
    assert response.status_code == 404
    html = parse(response).find("html")
    assert (html.get("lang"), html.get("dir")) == ("ar", "rtl")


def test_article_is_only_found_in_its_own_language(client, world):
    assert client.get("/ar/policy-analysis/published-piece").status_code == 404
    assert client.get("/policy-analysis/arabic-published-piece").status_code == 404
    assert client.get("/ar/policy-analysis/arabic-published-piece").status_code == 200


def test_article_becomes_visible_once_its_time_has_come(client, world):
    scheduled = world["scheduled"]
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    scheduled.published_at = in_future(days=-1)
    scheduled.save()
    assert client.get(scheduled.get_absolute_url()).status_code == 200


# --- lists ------------------------------------------------------------------------


def titles_on(client, url):
    page = get_page(client, url)
    return {title.text for title in page.find_all(cls="card__title")}


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/policy-analysis/maritime-security",
        "/policy-analysis/israel",
        "/policy-analysis/middle-east",
        "/experts/visible-author",
    ],
)
def test_lists_show_only_published_work(client, world, url):
    titles = titles_on(client, url)
    assert "Published Piece" in titles
    assert "Draft Piece" not in titles
    assert "Scheduled Piece" not in titles
    assert "Arabic Draft Piece" not in titles
    assert "Arabic Scheduled Piece" not in titles


@pytest.mark.parametrize(
    "url",
    [
        "/ar/",
        "/ar/policy-analysis/maritime-security",
        "/ar/policy-analysis/israel",
        "/ar/policy-analysis/middle-east",
    ],
)
def test_arabic_lists_show_only_published_arabic_work(client, world, url):
    titles = titles_on(client, url)
    assert titles == {"Arabic Published Piece"}


def test_no_unpublished_title_anywhere_on_the_lists(client, world):
    for url in ["/", "/ar/", "/policy-analysis/middle-east", "/experts/visible-author"]:
        content = client.get(url).content.decode()
        for key in ["draft", "scheduled", "ar_draft", "ar_scheduled"]:
            assert world[key].title not in content, (url, key)
            assert world[key].get_absolute_url() not in content, (url, key)


def test_also_available_in_lists_only_published_translations(client, db):
    original = make_article("Original Piece")
    make_article("Arabic Version", language="ar", translation_of=original)
    make_article("Persian Draft", language="fa", translation_of=original, published=False)
    page = get_page(client, original.get_absolute_url())
    versions = page.section("Also available in")
    assert versions.hrefs() == ["/ar/policy-analysis/arabic-version"]
    assert [
        link.get("hreflang") for link in page.find_all("link", rel="alternate", hreflang=True)
    ] == [
        "en",
        "ar",
        "x-default",
    ]
    assert "/fa/policy-analysis/persian-draft" not in page_text(client, original)


def test_scheduled_translation_is_not_listed(client, db):
    original = make_article("Original Piece")
    make_article("Persian Later", language="fa", translation_of=original, published_at=in_future())
    page = get_page(client, original.get_absolute_url())
    assert not page.find_all(cls="article__translations")
    assert not page.find_all("link", rel="alternate", hreflang=True)


def test_translation_of_a_draft_does_not_link_to_the_draft(client, db):
    draft = make_article("Unfinished Original", published=False)
    arabic = make_article("Arabic First", language="ar", translation_of=draft)
    page = get_page(client, arabic.get_absolute_url())
    assert not page.find_all(cls="article__translations")
    assert draft.get_absolute_url() not in page_text(client, arabic)


def page_text(client, article):
    return client.get(article.get_absolute_url()).content.decode()


def test_recommended_shows_only_published_recommendations(client, db):
    shown = make_article("Shown Recommended")
    hidden_draft = make_article("Hidden Draft Recommended", published=False)
    hidden_later = make_article("Hidden Scheduled Recommended", published_at=in_future())
    article = make_article("Has Recommended", recommendations=[hidden_draft, shown, hidden_later])
    page = get_page(client, article.get_absolute_url())
    recommended = page.section("Recommended")
    assert [title.text for title in recommended.find_all(cls="card__title")] == [
        "Shown Recommended"
    ]
    content = page_text(client, article)
    assert "Hidden Draft Recommended" not in content
    assert "Hidden Scheduled Recommended" not in content


def test_recommended_section_is_absent_when_every_recommendation_is_unpublished(client, db):
    hidden = make_article("Hidden Draft Recommended", published=False)
    article = make_article("Has Only Hidden Recommended", recommendations=[hidden])
    page = get_page(client, article.get_absolute_url())
    assert "Recommended" not in [heading.text for heading in page.find_all("h2")]


# --- people -----------------------------------------------------------------------


def test_guest_contributor_has_no_profile_page(client, db):
    guest = make_guest("Guest Writer")
    make_article("Guest Piece", authors=[guest])
    assert_styled_404(client.get("/experts/guest-writer"))
    # ...and no page links to the missing profile.
    page = get_page(client, "/policy-analysis/guest-piece")
    assert "/experts/guest-writer" not in page.hrefs()
    assert "Guest Writer" in page.find(cls="article__byline").text


def test_fellow_has_a_profile_page(client, db):
    make_expert("Profiled Fellow")
    page = get_page(client, "/experts/profiled-fellow")
    assert page.find("h1").text == "Profiled Fellow"


# --- addresses that must never fail ----------------------------------------------


MALFORMED = [
    "/policy-analysis/%00",
    "/policy-analysis/%00abc",
    "/policy-analysis/a/b",
    "/policy-analysis/" + "a" * 300,
    "/policy-analysis/" + "a" * 5000,
    "/policy-analysis/",
    "/policy-analysis",
    "/experts/%ff",
    "/experts/%c3%28",
    "/experts/",
    "/experts/" + "b" * 300,
    "/policy-analysis/x?page=abc",
    "/policy-analysis/maritime-security?page=abc",
    "/policy-analysis/maritime-security?page=-1",
    "/policy-analysis/maritime-security?page=0",
    "/policy-analysis/maritime-security?page=999999",
    "/policy-analysis/maritime-security?page=1e9",
    "/policy-analysis/middle-east?page=abc",
    "/policy-analysis/middle-east?page=999999",
    "/?page=abc",
    "/?page=-1",
    "/?page=999999",
    "/?page=%00",
    "/experts/visible-author?page=abc",
    "/experts/visible-author?page=-1",
    "/experts/visible-author?page=999999",
    "/xx/policy-analysis/foo",
    "/xx/",
    "/ar/xx/policy-analysis/foo",
    "/ar/ar/",
    "/policy-analysis/بوتين",
    "/ar/policy-analysis/%D8%A8%D9%88%D8%AA%D9%8A%D9%86",
    "/experts/آنا",
    "/policy-analysis/published-piece%2F",
    "/policy-analysis/published-piece/%2e%2e/%2e%2e/etc/passwd",
    "/policy-analysis/..%2f..%2fsettings",
    "/policy-analysis/published-piece//",
    "//policy-analysis/published-piece",
    "/policy-analysis/published-piece?utm_source=%ff%fe",
    "/%",
    "/static/../settings.py",
    "/media/../../etc/passwd",
]


@pytest.mark.parametrize("url", MALFORMED)
def test_malformed_addresses_never_fail(client, world, url):
    response = client.get(url)
    assert response.status_code < 500
    # 400 is Django refusing a path that tries to leave MEDIA_ROOT (SuspiciousFileOperation).
    assert response.status_code in (200, 301, 302, 400, 404), response.status_code


@pytest.mark.parametrize("url", ["/policy-analysis/%00", "/policy-analysis/a/b", "/xx/"])
def test_malformed_address_gets_the_styled_404(client, db, url):
    assert_styled_404(client.get(url))


def test_head_and_post_on_public_pages_do_not_fail(client, world):
    for url in ["/", "/policy-analysis/published-piece", "/policy-analysis/missing/"]:
        assert client.head(url).status_code < 500
        assert client.post(url).status_code < 500


# --- trailing slashes -------------------------------------------------------------


def test_article_with_trailing_slash_redirects_permanently(client, world):
    response = client.get("/policy-analysis/published-piece/?utm_source=news&x=1")
    assert response.status_code == 301
    assert response["Location"] == "/policy-analysis/published-piece?utm_source=news&x=1"


def test_arabic_article_with_trailing_slash_redirects(client, world):
    response = client.get("/ar/policy-analysis/arabic-published-piece/")
    assert response.status_code == 301
    assert response["Location"] == "/ar/policy-analysis/arabic-published-piece"


def test_region_page_with_trailing_slash_redirects(client, world):
    response = client.get("/policy-analysis/middle-east/")
    assert response.status_code == 301
    assert response["Location"] == "/policy-analysis/middle-east"


def test_expert_with_trailing_slash_redirects(client, world):
    response = client.get("/experts/visible-author/?page=2")
    assert response.status_code == 301
    assert response["Location"] == "/experts/visible-author?page=2"


def test_slashless_address_is_not_redirected(client, world):
    assert client.get("/policy-analysis/published-piece").status_code == 200
    assert client.get("/experts/visible-author").status_code == 200


def test_home_pages_keep_their_slash(client, world):
    assert client.get("/").status_code == 200
    assert client.get("/ar/").status_code == 200


def test_admin_still_works_at_its_slashed_address(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get("/admin/login/").status_code == 200
    # The admin's own convention (append a slash) is left alone.
    response = client.get("/admin")
    assert response.status_code == 301
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("url", ["/admin/no-such-app/", "/admin/articles/no-such-model/"])
def test_a_missing_admin_page_is_a_404_not_a_redirect_loop(admin_client, url):
    # The admin answers every address under it; a 404 of its own is not "a page
    # without its slash" to strip (APPEND_SLASH would bounce it back).
    assert admin_client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "//evil.example/",
        "//evil.example/policy-analysis/x/",
        "/%2F%2Fevil.example/",
        "/%5C%5Cevil.example/",
        "/policy-analysis/published-piece/?next=//evil.example",
        "/\\evil.example/",
    ],
)
def test_trailing_slash_redirect_never_leaves_the_site(client, world, url):
    # A full URL, so that the test client takes a path starting with // as a path.
    response = client.get(f"http://testserver{url}")
    assert response.status_code in (301, 404)
    if response.status_code == 301:
        location = response["Location"]
        assert location.startswith("/")
        assert not location.startswith(("//", "/\\"))


# --- server errors ------------------------------------------------------------------


def test_server_error_gets_the_styled_500_page(client, world, monkeypatch):
    from articles import selectors

    def broken(*args, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(selectors, "article_for_page", broken)
    client.raise_request_exception = False
    response = client.get("/policy-analysis/published-piece")
    assert response.status_code == 500
    page = parse(response)
    assert page.find("h1").text == "Something went wrong on our side"
    assert "database on fire" not in response.content.decode()
    assert page.find("link", rel="stylesheet").get("href").endswith("css/site.css")
