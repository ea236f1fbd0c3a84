"""
Feeds (articles/feeds.py): RSS 2.0 and Atom for the whole site and per topic, region,
expert and publication type, in each language; parsed with feedparser as a reader
would. What they list (the newest published work of the feed's language, never a
draft or scheduled piece), each item's fields, the <head> links that announce them,
and a query count that does not grow with the items.
"""

import feedparser
import pytest

from articles.feeds import FEED_SIZE
from articles.models import Article
from tests.helpers.budgets import count_queries
from tests.helpers.factories import (
    days_ago,
    in_future,
    make_article,
    make_expert,
    make_guest,
    make_publication_type,
    make_region,
    make_topic,
    make_translation,
)
from tests.helpers.htmlpage import get_page
from tests.helpers.multilingual import SERVER

pytestmark = pytest.mark.django_db

FORMATS = ["rss", "atom"]
VERSIONS = {"rss": "rss20", "atom": "atom10"}
CONTENT_TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
}


def fetch(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response


def parse_feed(client, url):
    """The feed at `url`, parsed; it must be well formed and of the format its name says."""
    response = fetch(client, url)
    ext = url.rsplit(".", 1)[-1]
    assert response["Content-Type"] == CONTENT_TYPES[ext]
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == VERSIONS[ext]
    return feed


def titles(feed):
    return [entry.title for entry in feed.entries]


@pytest.fixture
def site():
    """Published work in English and Arabic, with a draft, a scheduled piece and a guest."""
    topic = make_topic("Energy", slug="energy")
    anna = make_expert("Anna Borshchevskaya", slug="anna-borshchevskaya")
    grant = make_expert("Grant Rumley", slug="grant-rumley")
    guest = make_guest("Guest Writer", slug="guest-writer")
    oldest = make_article("Oldest Piece", published_at=days_ago(30), authors=[anna], topics=[topic])
    middle = make_article(
        "Middle Piece",
        published_at=days_ago(20),
        authors=[grant, guest, anna],
        topics=[topic, make_topic("Aardvarks")],
        summary="Gas & oil <and> more.",
    )
    newest = make_article("Newest Piece", published_at=days_ago(10), authors=[anna])
    make_article("Draft Piece", published=False, authors=[anna], topics=[topic])
    make_article("Scheduled Piece", published_at=in_future(), authors=[anna], topics=[topic])
    arabic = make_translation(middle, "ar", "قطعة عربية", authors=[anna], topics=[topic])
    return {
        "topic": topic,
        "anna": anna,
        "guest": guest,
        "articles": [newest, middle, oldest],
        "arabic": arabic,
    }


# --- what a feed lists ------------------------------------------------------------------------


@pytest.mark.parametrize("ext", FORMATS)
def test_site_feed_lists_published_work_newest_first(client, site, ext):
    feed = parse_feed(client, f"/feeds/latest.{ext}")
    assert titles(feed) == ["Newest Piece", "Middle Piece", "Oldest Piece"]
    assert feed.feed.title == "The Thinktank Institute: latest work"
    assert feed.feed.link == f"{SERVER}/"
    assert feed.feed.language == "en"


@pytest.mark.parametrize("ext", FORMATS)
def test_items_carry_every_field(client, site, ext):
    feed = parse_feed(client, f"/feeds/latest.{ext}")
    middle = Article.objects.get(title="Middle Piece")
    entry = feed.entries[1]
    assert entry.link == f"{SERVER}{middle.get_absolute_url()}"
    assert entry.link.startswith("http://testserver/policy-analysis/")
    # The summary is text: readers show it as written, markup characters included.
    assert entry.summary == "Gas &amp; oil &lt;and&gt; more."
    assert entry.published_parsed[:6] == middle.published_at.utctimetuple()[:6]
    # Every author in byline order; a guest has no profile to link.
    assert [author["name"] for author in entry.authors] == [
        "Grant Rumley",
        "Guest Writer",
        "Anna Borshchevskaya",
    ]
    assert [tag.term for tag in entry.tags] == ["Aardvarks", "Energy"]
    assert entry.id == f"tag:testserver,{middle.created_at:%Y-%m-%d}:article:{middle.pk}"
    assert entry.id != entry.link


def test_atom_authors_link_their_profiles(client, site):
    entry = parse_feed(client, "/feeds/latest.atom").entries[1]
    assert [author.get("href") for author in entry.authors] == [
        f"{SERVER}/experts/grant-rumley",
        None,
        f"{SERVER}/experts/anna-borshchevskaya",
    ]


def test_an_item_keeps_its_id_when_its_slug_changes(client, site):
    before = parse_feed(client, "/feeds/latest.atom").entries[0]
    newest = site["articles"][0]
    newest.slug = "renamed-piece"
    newest.save()
    after = parse_feed(client, "/feeds/latest.atom").entries[0]
    assert after.link == f"{SERVER}/policy-analysis/renamed-piece"
    assert after.id == before.id


def test_atom_feed_names_its_own_address_and_an_author(client, site):
    feed = parse_feed(client, "/feeds/latest.atom")
    assert {link.rel: link.href for link in feed.feed.links}["self"] == (
        f"{SERVER}/feeds/latest.atom"
    )
    assert feed.feed.author == "The Thinktank Institute"


@pytest.mark.parametrize("ext", FORMATS)
def test_drafts_and_scheduled_work_are_never_listed(client, site, ext):
    for url in (f"/feeds/latest.{ext}", f"/feeds/topics/energy.{ext}"):
        listed = titles(parse_feed(client, url))
        assert "Draft Piece" not in listed
        assert "Scheduled Piece" not in listed


def test_a_scheduled_piece_appears_once_its_time_comes(client, site):
    scheduled = Article.objects.get(title="Scheduled Piece")
    Article.objects.filter(pk=scheduled.pk).update(published_at=days_ago(1))
    assert titles(parse_feed(client, "/feeds/latest.rss"))[0] == "Scheduled Piece"


@pytest.mark.parametrize("ext", FORMATS)
def test_each_language_has_its_own_feed(client, site, ext):
    feed = parse_feed(client, f"/ar/feeds/latest.{ext}")
    assert titles(feed) == ["قطعة عربية"]
    assert feed.feed.language == "ar"
    assert feed.entries[0].link == f"{SERVER}{site['arabic'].get_absolute_url()}"
    assert feed.entries[0].link.startswith(f"{SERVER}/ar/policy-analysis/")
    # The Persian feed exists, empty, and says it is Persian.
    persian = parse_feed(client, f"/fa/feeds/latest.{ext}")
    assert persian.entries == []
    assert persian.feed.language == "fa"


def test_arabic_feed_names_things_in_arabic(client, site):
    topic = site["topic"]
    topic.translations = {"ar": {"name": "الطاقة"}}
    topic.save()
    feed = parse_feed(client, "/ar/feeds/topics/energy.atom")
    assert feed.feed.title == "The Thinktank Institute: الطاقة"
    assert [tag.term for tag in feed.entries[0].tags] == ["الطاقة"]


def test_a_feed_lists_the_latest_fifty(client):
    for index in range(FEED_SIZE + 5):
        make_article(f"Piece {index:02d}", published_at=days_ago(index + 1))
    feed = parse_feed(client, "/feeds/latest.rss")
    assert len(feed.entries) == FEED_SIZE
    assert feed.entries[0].title == "Piece 00"
    assert feed.entries[-1].title == f"Piece {FEED_SIZE - 1:02d}"


# --- feeds of one thing -------------------------------------------------------------------------


@pytest.mark.parametrize("ext", FORMATS)
def test_topic_feed(client, site, ext):
    feed = parse_feed(client, f"/feeds/topics/energy.{ext}")
    assert titles(feed) == ["Middle Piece", "Oldest Piece"]
    assert feed.feed.link == f"{SERVER}/policy-analysis/energy"


@pytest.mark.parametrize("ext", FORMATS)
def test_region_feed_includes_nested_regions(client, ext):
    middle_east = make_region("Middle East", slug="middle-east")
    levant = make_region("Levant", parent=middle_east)
    make_article("On the Levant", regions=[levant], published_at=days_ago(2))
    make_article("On the Middle East", regions=[middle_east], published_at=days_ago(3))
    make_article("Elsewhere", regions=[make_region("Europe")])
    feed = parse_feed(client, f"/feeds/regions/middle-east.{ext}")
    assert titles(feed) == ["On the Levant", "On the Middle East"]
    assert feed.feed.link == f"{SERVER}/policy-analysis/middle-east"


@pytest.mark.parametrize("ext", FORMATS)
def test_expert_feed(client, site, ext):
    feed = parse_feed(client, f"/feeds/experts/anna-borshchevskaya.{ext}")
    assert titles(feed) == ["Newest Piece", "Middle Piece", "Oldest Piece"]
    assert feed.feed.link == f"{SERVER}/experts/anna-borshchevskaya"
    assert titles(parse_feed(client, f"/ar/feeds/experts/anna-borshchevskaya.{ext}")) == [
        "قطعة عربية"
    ]


@pytest.mark.parametrize("ext", FORMATS)
def test_publication_type_feed(client, site, ext):
    brief = make_publication_type("Brief Analysis")
    make_article("A Brief", publication_type=brief)
    make_article("A Draft Brief", publication_type=brief, published=False)
    feed = parse_feed(client, f"/feeds/types/brief-analysis.{ext}")
    assert titles(feed) == ["A Brief"]
    assert feed.feed.link == f"{SERVER}/policy-analysis?type=brief-analysis"
    assert client.get(feed.feed.link.removeprefix(SERVER)).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/topics/no-such-topic.rss",
        "/feeds/regions/no-such-region.atom",
        "/feeds/experts/no-such-expert.rss",
        "/feeds/experts/guest-writer.rss",  # guests have no profile, so no feed
        "/feeds/types/no-such-type.atom",
        "/ar/feeds/topics/no-such-topic.rss",
        "/feeds/latest.json",
    ],
)
def test_unknown_things_have_no_feed(client, site, url):
    fetch(client, url, status=404)


# --- announced in the <head> ---------------------------------------------------------------------


def feed_links(page):
    head = page.find("head")
    return [
        (link.get("type"), link.get("href"))
        for link in head.find_all("link", rel="alternate")
        if link.get("type") in {"application/rss+xml", "application/atom+xml"}
    ]


SITE_FEEDS = [
    ("application/rss+xml", "/feeds/latest.rss"),
    ("application/atom+xml", "/feeds/latest.atom"),
]


def test_home_page_announces_the_site_feeds(client, site):
    assert feed_links(get_page(client, "/")) == SITE_FEEDS
    assert feed_links(get_page(client, "/ar/")) == [
        ("application/rss+xml", "/ar/feeds/latest.rss"),
        ("application/atom+xml", "/ar/feeds/latest.atom"),
    ]


@pytest.mark.parametrize(
    "url, feeds",
    [
        ("/policy-analysis/energy", "/feeds/topics/energy"),
        ("/policy-analysis/middle-east", "/feeds/regions/middle-east"),
        ("/experts/anna-borshchevskaya", "/feeds/experts/anna-borshchevskaya"),
        ("/ar/experts/anna-borshchevskaya", "/ar/feeds/experts/anna-borshchevskaya"),
    ],
)
def test_pages_announce_their_own_feed_first(client, site, url, feeds):
    make_region("Middle East", slug="middle-east")
    links = feed_links(get_page(client, url))
    assert links[:2] == [
        ("application/rss+xml", f"{feeds}.rss"),
        ("application/atom+xml", f"{feeds}.atom"),
    ]
    prefix = "/ar" if url.startswith("/ar/") else ""
    assert links[2:] == [(kind, f"{prefix}{href}") for kind, href in SITE_FEEDS]
    for _kind, href in links:
        assert client.get(href).status_code == 200


def test_feed_links_are_titled(client, site):
    head = get_page(client, "/policy-analysis/energy").find("head")
    rss = head.find("link", type="application/rss+xml")
    assert rss.get("title") == "Energy (RSS)"


# --- queries -------------------------------------------------------------------------------------


def feed_queries(client, url):
    """(queries, entries) of one GET of the feed at `url`, which must parse cleanly."""
    count, response = count_queries(client, url, clear_cache=False)
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0
    return count, len(feed.entries)


def add_work(count, topic, region, expert):
    """`count` pieces, each by three authors (one of them `expert`) on three topics."""
    for _ in range(count):
        make_article(
            authors=[expert, make_expert(), make_guest()],
            topics=[topic, make_topic(), make_topic()],
            regions=[region],
        )


@pytest.mark.parametrize("ext", FORMATS)
def test_feed_queries_do_not_grow_with_items_authors_or_topics(client, ext):
    topic = make_topic("Budget Topic", slug="budget-topic")
    region = make_region("Budget Region", slug="budget-region")
    expert = make_expert("Budget Expert", slug="budget-expert")
    brief = make_publication_type()
    urls = [
        f"/feeds/latest.{ext}",
        f"/feeds/topics/budget-topic.{ext}",
        f"/feeds/regions/budget-region.{ext}",
        f"/feeds/experts/budget-expert.{ext}",
        f"/feeds/types/{brief.slug}.{ext}",
    ]
    add_work(5, topic, region, expert)
    small = [feed_queries(client, url) for url in urls]
    add_work(45, topic, region, expert)
    large = [feed_queries(client, url) for url in urls]
    assert [entries for _count, entries in small] == [5] * len(urls)
    assert [entries for _count, entries in large] == [50] * len(urls)
    assert [count for count, _entries in small] == [count for count, _entries in large]
    # The thing itself, the items, their bylines and their topics (and a region's tree).
    assert max(count for count, _entries in large) <= 5
