"""
What readers may see: only published work dated now or earlier, on every page and
list; everything else is a styled 404 (tests/website/test_addresses.py: no address
makes the site fail).
"""

import pytest

from tests.helpers.factories import in_future, make_article, make_expert, make_guest
from tests.helpers.htmlpage import get_page, parse
from tests.helpers.visibility import assert_styled_404

pytestmark = pytest.mark.django_db


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
