"""
The chrome every page shares names no app in the frame: the apps register the header's
sections (thinktank.chrome), settings name the home and search pages and the feeds.
"""

import django.urls
import pytest
from django.core.cache import cache, caches
from django.test import override_settings

from tests.helpers.factories import make_expert, make_program
from tests.helpers.htmlpage import get_page
from thinktank import chrome

pytestmark = pytest.mark.django_db


def test_the_apps_register_the_header_sections_once():
    names = [section.url_name for section in chrome.SECTIONS]
    assert names == ["experts:directory", "experts:programs", "articles:events"]
    chrome.register_section("Again", "articles:events")
    assert [section.url_name for section in chrome.SECTIONS] == names


def test_a_section_is_current_on_the_pages_under_it(client):
    expert = make_expert("Dana Reyes")
    program = make_program("Energy")
    for url, current in [
        (f"/experts/{expert.slug}", "/experts"),
        (f"/programs/{program.slug}", "/programs"),
        ("/ar/events", "/ar/events"),
    ]:
        nav = get_page(client, url).find("nav", cls="site-nav")
        marked = [link.get("href") for link in nav.links() if link.get("aria-current")]
        assert marked == [current], url


def test_the_home_search_and_feeds_are_the_pages_settings_name(client):
    page = get_page(client, "/no-such-page", status=404)
    assert page.find("a", cls="site-brand").get("href") == "/"
    assert page.find("form", cls="header-search").get("action") == "/search"
    with override_settings(
        SITE_HOME_URL_NAME="experts:directory",
        SITE_SEARCH_URL_NAME="experts:programs",
        SITE_FEED_RSS_URL_NAME="articles:feed-latest-atom",
    ):
        page = get_page(client, "/ar/no-such-page", status=404)
    assert page.find("a", cls="site-brand").get("href") == "/ar/experts"
    assert page.find("form", cls="header-search").get("action") == "/ar/programs"
    rss = page.find("link", type="application/rss+xml")
    assert rss.get("href") == "/ar/feeds/latest.atom"


def test_the_header_is_rendered_once_a_language_and_section(client, monkeypatch, settings):
    """Its links are made once in each process for each language and section (a kept
    fragment, the "chrome" cache), and each page still shows its own section current
    and its own language's links."""
    dana, omar = make_expert("Dana Reyes"), make_expert("Omar Haddad")
    get_page(client, f"/experts/{dana.slug}")
    made = []
    reverse = django.urls.reverse
    monkeypatch.setattr(
        django.urls, "reverse", lambda name, *a, **k: made.append(name) or reverse(name, *a, **k)
    )
    header_links = {settings.SITE_HOME_URL_NAME, settings.SITE_SEARCH_URL_NAME}
    for url, current, again in [
        (f"/experts/{omar.slug}", "/experts", False),  # the same language and section
        (f"/ar/experts/{omar.slug}", "/ar/experts", True),
        ("/events", "/events", True),
        ("/ar/experts", "/ar/experts", False),
    ]:
        made.clear()
        page = get_page(client, url)
        nav = page.find("nav", cls="site-nav")
        assert [link.get("href") for link in nav.links() if link.get("aria-current")] == [current]
        assert bool(header_links & set(made)) is again, url


def test_forgetting_the_chrome_forgets_nothing_else():
    """A change of settings drops the kept chrome, not the page cache's values (local
    memory caches of one LOCATION share their store)."""
    cache.set("thinktank:test:kept", "value")
    caches["chrome"].set("fragment", "header")
    chrome.forget_fragments()
    assert (cache.get("thinktank:test:kept"), caches["chrome"].get("fragment")) == ("value", None)
