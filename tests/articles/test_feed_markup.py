"""
A name with markup in it reaches a feed's reader as written, as text, never as HTML:
a topic's, a region's, an expert's and a publication type's name (in the feed's title
and description, an item's categories and authors), the site's name, and an article's
title and summary; in RSS (whose titles and descriptions readers take for HTML) and
Atom, in every language. Read with feedparser, as a reader would.
"""

import feedparser
import pytest

from tests.helpers.factories import (
    make_article,
    make_expert,
    make_publication_type,
    make_region,
    make_topic,
    make_translation,
)
from tests.helpers.htmlpage import parse

pytestmark = pytest.mark.django_db

# Tags a reader would render or drop, entities it would decode, what would end XML's
# CDATA or a comment, quotes, and right-to-left text, each around a word (for a slug).
MARKUP_NAMES = [
    "<b>Iran</b>", "<script>alert(1)</script>Gulf", "<img src=x onerror=alert(1)>Levant",
    "<a href='https://example.org'>Iraq</a>", "Gas & oil", "Gas &amp; oil",
    "&lt;i&gt;Oman&lt;/i&gt;", "&#60;b&#62;Syria", "&nbsp;Egypt", "a < b > Qatar",
    "Oil]]>Gas", "<!-- x -->Yemen", "<![CDATA[Jordan]]>", "\"Quoted\" 'Kuwait'",
    "<b>إيران</b> &amp; <i>ایران</i>", "<p>Bahrain</p><p>UAE</p>", "Libya<br>",
]  # fmt: skip

FEEDS = ["latest", "topics/{topic}", "regions/{region}", "experts/{expert}", "types/{type}"]


def shown(detail):
    """What a reader shows of a feedparser text: HTML rendered as its text, else as it is."""
    if detail.type in ("text/html", "application/xhtml+xml"):
        return parse(detail.value).text
    return detail.value


@pytest.fixture(params=MARKUP_NAMES)
def name(request, settings):
    """Every name the feeds show is `name`: the site's, and each thing's with work on it."""
    name = request.param
    settings.SITE_NAME = name
    return name


@pytest.fixture
def feed_urls(name):
    things = {
        "topic": make_topic(name, slug="named-topic"),
        "region": make_region(name, slug="named-region"),
        "expert": make_expert(name, slug="named-expert"),
        "type": make_publication_type(name),
    }
    fields = {
        "title": name,
        "summary": name,
        "authors": [things["expert"]],
        "topics": [things["topic"]],
        "regions": [things["region"]],
        "publication_type": things["type"],
    }
    make_translation(make_article(**fields), "ar", **fields)
    slugs = {kind: thing.slug for kind, thing in things.items()}
    return [
        f"{prefix}/feeds/{feed.format(**slugs)}.{ext}"
        for prefix in ["", "/ar"]
        for feed in FEEDS
        for ext in ["rss", "atom"]
    ]


def test_every_name_in_a_feed_shows_as_written(client, name, feed_urls):
    for url in feed_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        feed = feedparser.parse(response.content)
        assert feed.bozo == 0, (url, feed.get("bozo_exception"))
        assert name in shown(feed.feed.title_detail), url
        assert name in shown(feed.feed.subtitle_detail), url
        [entry] = feed.entries
        assert shown(entry.title_detail) == name, url
        assert shown(entry.summary_detail) == name, url
        assert [tag.term for tag in entry.tags] == [name], url
        assert [author.name for author in entry.authors] == [name], url
