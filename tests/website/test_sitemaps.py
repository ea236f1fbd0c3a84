"""
/sitemap.xml (an index of sections) and /robots.txt, parsed with xml.etree: every
URL absolute, with lastmod and its hreflang alternates (x-default included); only
published work; an article's alternates are its published versions only; and a
query count that does not grow with the number of URLs.
"""

import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from articles.models import Article
from tests.helpers.budgets import count_queries
from tests.helpers.factories import (
    days_ago,
    in_future,
    make_article,
    make_event,
    make_expert,
    make_guest,
    make_program,
    make_region,
    make_topic,
    make_translation,
)
from tests.helpers.htmlpage import get_page
from tests.helpers.multilingual import SERVER, hreflang_alternates

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
SECTIONS = [
    "pages",
    "articles",
    "events",
    "topics",
    "regions",
    "experts",
    "programs",
    "directories",
]


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"] == "application/xml"
    return ET.fromstring(response.content)  # noqa: S314 (our own server's output)


def urls(client, section):
    """{loc: {"lastmod": text or None, "alternates": {hreflang: href}}} of a section."""
    root = xml(client, f"/sitemap-{section}.xml")
    assert root.tag == f"{{{NS['sm']}}}urlset"
    found = {}
    for url in root.findall("sm:url", NS):
        loc = url.findtext("sm:loc", namespaces=NS)
        assert loc not in found, f"{loc} is listed twice"
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
        found[loc] = {
            "lastmod": url.findtext("sm:lastmod", namespaces=NS),
            "alternates": alternates,
        }
    return found


def absolute(path):
    return SERVER + path


@pytest.fixture
def site():
    program = make_program("Program on Energy", slug="energy-program")
    anna = make_expert("Anna Borshchevskaya", slug="anna", program=program)
    make_guest("Guest Writer", slug="guest-writer")
    topic = make_topic("Energy", slug="energy")
    make_topic("Empty Topic", slug="empty-topic")
    middle_east = make_region("Middle East", slug="middle-east")
    levant = make_region("Levant", slug="levant", parent=middle_east)
    make_region("Europe", slug="europe")
    original = make_article(
        "Original Piece", authors=[anna], topics=[topic], regions=[levant], published_at=days_ago(5)
    )
    arabic = make_translation(original, "ar", "Arabic Piece", slug="arabic-piece")
    make_translation(original, "fa", "Persian Draft", slug="persian-draft", published=False)
    alone = make_article("Alone Piece", published_at=days_ago(3))
    draft = make_article("Draft Piece", published=False, topics=[make_topic("Draft Topic")])
    scheduled = make_article("Scheduled Piece", published_at=in_future())
    event = make_event("An Event", authors=[anna])
    return {
        "original": original,
        "arabic": arabic,
        "alone": alone,
        "draft": draft,
        "scheduled": scheduled,
        "event": event,
    }


def test_index_lists_every_section_absolute_with_lastmod(client, site):
    root = xml(client, "/sitemap.xml")
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    entries = root.findall("sm:sitemap", NS)
    assert [entry.findtext("sm:loc", namespaces=NS) for entry in entries] == [
        absolute(f"/sitemap-{section}.xml") for section in SECTIONS
    ]
    lastmods = {
        entry.findtext("sm:loc", namespaces=NS): entry.findtext("sm:lastmod", namespaces=NS)
        for entry in entries
    }
    assert lastmods[absolute("/sitemap-articles.xml")]
    for section in SECTIONS:
        urls(client, section)  # every section answers and parses


def test_articles_each_version_with_its_published_alternates(client, site):
    found = urls(client, "articles")
    original, arabic, alone = site["original"], site["arabic"], site["alone"]
    assert set(found) == {
        absolute(original.get_absolute_url()),
        absolute(arabic.get_absolute_url()),
        absolute(alone.get_absolute_url()),
    }
    versions = {
        "en": absolute("/policy-analysis/original-piece"),
        "ar": absolute("/ar/policy-analysis/arabic-piece"),
        "x-default": absolute("/policy-analysis/original-piece"),
    }
    # Both versions name the same set; the Persian draft is in neither.
    assert found[absolute(original.get_absolute_url())]["alternates"] == versions
    assert found[absolute(arabic.get_absolute_url())]["alternates"] == versions
    # A piece in one language has no alternates (as its page has no hreflang links).
    assert found[absolute(alone.get_absolute_url())]["alternates"] == {}
    original.refresh_from_db()
    assert found[absolute(original.get_absolute_url())]["lastmod"] == (
        f"{timezone.localdate(original.updated_at):%Y-%m-%d}"
    )


def test_x_default_is_the_first_language_when_there_is_no_english(client, db):
    arabic = make_article("Arabic Original", language="ar", slug="arabic-original")
    make_translation(arabic, "fa", "Persian Version", slug="persian-version")
    found = urls(client, "articles")
    assert found[absolute("/ar/policy-analysis/arabic-original")]["alternates"] == {
        "ar": absolute("/ar/policy-analysis/arabic-original"),
        "fa": absolute("/fa/policy-analysis/persian-version"),
        "x-default": absolute("/ar/policy-analysis/arabic-original"),
    }


def test_no_draft_or_scheduled_work_anywhere(client, site):
    everything = "".join(
        client.get(f"/sitemap-{section}.xml").content.decode() for section in SECTIONS
    )
    for article in (site["draft"], site["scheduled"]):
        assert article.slug not in everything
    assert "persian-draft" not in everything
    assert "draft-topic" not in everything  # a topic with only a draft has no page worth listing


def test_events_apart_from_articles(client, site):
    event_url = absolute(site["event"].get_absolute_url())
    assert event_url in urls(client, "events")
    assert event_url not in urls(client, "articles")


def every_language(path):
    return {
        "en": absolute(path),
        "ar": absolute(f"/ar{path}"),
        "fa": absolute(f"/fa{path}"),
        "x-default": absolute(path),
    }


@pytest.mark.parametrize(
    "section, path",
    [
        ("topics", "/policy-analysis/energy"),
        ("regions", "/policy-analysis/middle-east"),  # its work is on a nested region
        ("regions", "/policy-analysis/levant"),
        ("experts", "/experts/anna"),
        ("programs", "/programs/energy-program"),
        ("directories", "/experts"),
        ("directories", "/programs"),
    ],
)
def test_pages_in_every_language_name_each_other(client, site, section, path):
    found = urls(client, section)
    for code, location in every_language(path).items():
        if code == "x-default":
            continue
        assert found[location]["alternates"] == every_language(path)


def test_home_page_and_lists_in_every_language(client, site):
    found = urls(client, "pages")
    assert set(found) == {
        absolute(f"{prefix}{path}")
        for prefix in ("", "/ar", "/fa")
        for path in ("/policy-analysis", "/events")
    } | {absolute("/"), absolute("/ar/"), absolute("/fa/")}
    assert found[absolute("/ar/")]["alternates"] == {
        "en": absolute("/"),
        "ar": absolute("/ar/"),
        "fa": absolute("/fa/"),
        "x-default": absolute("/"),
    }
    assert found[absolute("/fa/events")]["alternates"] == every_language("/events")
    for loc, url in found.items():
        assert url["lastmod"], loc


def test_pages_without_published_work_or_profile_are_left_out(client, site):
    assert absolute("/policy-analysis/empty-topic") not in urls(client, "topics")
    assert absolute("/policy-analysis/europe") not in urls(client, "regions")
    assert absolute("/experts/guest-writer") not in urls(client, "experts")


def test_lastmod_follows_the_latest_published_work(client, site):
    topic_url = absolute("/policy-analysis/energy")
    Article.objects.filter(pk=site["original"].pk).update(updated_at=days_ago(40))
    Article.objects.filter(pk=site["draft"].pk).update(updated_at=timezone.now())
    assert (
        urls(client, "topics")[topic_url]["lastmod"]
        == f"{timezone.localdate(days_ago(40)):%Y-%m-%d}"
    )
    # The nested region's work dates its ancestor too.
    assert urls(client, "regions")[absolute("/policy-analysis/middle-east")]["lastmod"] == (
        f"{timezone.localdate(days_ago(40)):%Y-%m-%d}"
    )
    for section in ("articles", "events", "experts", "programs"):
        for loc, url in urls(client, section).items():
            assert url["lastmod"], loc


def test_every_location_is_absolute(client, site):
    for section in SECTIONS:
        for loc, url in urls(client, section).items():
            assert loc.startswith(f"{SERVER}/")
            assert all(href.startswith(f"{SERVER}/") for href in url["alternates"].values())


def test_unknown_section_or_page_is_404(client, site):
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/sitemap-articles.xml?p=99").status_code == 404
    assert client.get("/sitemap-articles.xml?p=abc").status_code == 404


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /preview/" in lines
    # Search results are endless and noindex: crawlers are kept off them in every language.
    assert {"Disallow: /search", "Disallow: /ar/search", "Disallow: /fa/search"} <= set(lines)
    assert f"Sitemap: {SERVER}/sitemap.xml" in lines
    assert not any(line == "Disallow: /" for line in lines)
    assert client.post("/robots.txt").status_code == 405


# --- queries --------------------------------------------------------------------------------


def sitemap_queries(client, url):
    """(queries, entries) of one GET of the sitemap at `url`."""
    count, response = count_queries(client, url, clear_cache=False)
    return count, len(ET.fromstring(response.content))  # noqa: S314


def grow(times, language="en"):
    for _ in range(times):
        program = make_program()
        expert = make_expert(program=program)
        region = make_region(parent=make_region())
        original = make_article(
            authors=[expert, make_expert()],
            topics=[make_topic(), make_topic()],
            regions=[region],
            language=language,
        )
        make_translation(original, "ar")
        make_event(authors=[expert])


def test_sitemap_queries_do_not_grow_with_its_urls(client):
    grow(2)
    pages = ["/sitemap.xml", *(f"/sitemap-{section}.xml" for section in SECTIONS)]
    small = [sitemap_queries(client, url) for url in pages]
    grow(12)
    large = [sitemap_queries(client, url) for url in pages]
    for url, (small_count, small_urls), (large_count, large_urls) in zip(
        pages, small, large, strict=True
    ):
        if url not in {"/sitemap.xml", "/sitemap-pages.xml", "/sitemap-directories.xml"}:
            assert large_urls > small_urls, url  # the section really lists more
        assert small_count == large_count, url


def test_sitemap_and_pages_name_the_same_alternates(client, site):
    """One rule for both (thinktank.languages.hreflang_alternates): they never disagree."""
    checked = 0
    for section in ("articles", "topics", "experts", "pages"):
        for loc, url in urls(client, section).items():
            page = get_page(client, loc.removeprefix(SERVER))
            assert hreflang_alternates(page) == url["alternates"], loc
            checked += 1
    assert checked > 10
