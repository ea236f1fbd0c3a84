"""
No kept article page shows a stale sidebar (articles.related_keys): over a site whose
sidebars are full of related work in English and drawn from other languages in Arabic,
after any sequence of publishes, takedowns, relinkings and retitles, every article page
a reader is served from the cache is what a fresh render shows, byte for byte.
"""

from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from articles import services
from articles.models import Article
from tests.helpers.adminforms import change_url, form_data
from tests.helpers.factories import make_article, make_expert, make_region, make_topic

# (language, authors, topics, regions, days since published, or None for a draft); the
# links are indexes into the site's experts, topics and regions.
PIECES = [
    ("en", [0], [0, 1], [0], 2),
    ("en", [0], [0], [0], 3),
    ("en", [1], [0, 1], [1], 5),
    ("en", [1], [1], [0, 1], 8),
    ("en", [2], [2], [1], 13),
    ("en", [0, 2], [0, 2], [0], 400),  # too old for the recent bonus
    ("en", [], [1, 2], [1], 500),
    ("en", [1], [0], [], 21),
    ("ar", [0], [0], [0], 4),
    ("ar", [2], [2], [1], 6),
    ("en", [0], [0, 1], [0], None),
    ("en", [2], [1], [1], None),
    ("ar", [1], [0], [], None),
    ("en", [], [3], [], 30),  # alone on its topic: its sidebar has room
    ("en", [], [3], [], None),
]
ARABIC_DRAFT, ALONE_DRAFT = 12, 14


def build():
    experts = [make_expert(name) for name in ("Dana Stroul", "Omar Haddad", "Farzin Nadimi")]
    topics = [make_topic(name) for name in ("Gulf Security", "Trade", "Energy", "Water")]
    regions = [make_region(name) for name in ("Iran", "Iraq")]
    now = timezone.now()
    return [
        make_article(
            f"Piece {index}",
            slug=f"piece-{index}",
            language=language,
            published=days is not None,
            published_at=None if days is None else now - timedelta(days=days),
            authors=[experts[pk] for pk in authors],
            topics=[topics[pk] for pk in links],
            regions=[regions[pk] for pk in places],
        )
        for index, (language, authors, links, places, days) in enumerate(PIECES)
    ], (topics, regions)


def publish(article, taxonomy, choice, desk, editor):
    services.article_publish(article, user=editor)


def unpublish(article, taxonomy, choice, desk, editor):
    if article.status == Article.Status.PUBLISHED:
        services.article_unpublish(article, user=editor)


def retitle(article, taxonomy, choice, desk, editor):
    article.title = f"{article.title} again"
    services.article_save(article, user=editor)


def relink_in_the_admin(article, taxonomy, choice, desk, editor):
    """The editor gives it the topics and regions `choice` picks (a bit each)."""
    topics, regions = taxonomy
    picked = [item.pk for bit, item in enumerate([*topics, *regions]) if choice >> bit & 1]
    data = form_data(
        article,
        topics=[pk for pk in picked if pk in {topic.pk for topic in topics}],
        regions=[pk for pk in picked if pk in {region.pk for region in regions}],
        tags="",
    )
    assert desk.post(change_url(article), data).status_code == 302


ACTIONS = [publish, unpublish, retitle, relink_in_the_admin]
STEPS = st.lists(
    st.tuples(st.sampled_from(ACTIONS), st.integers(0, len(PIECES) - 1), st.integers(0, 63)),
    min_size=1,
    max_size=4,
)


def served(client, url):
    response = client.get(url)
    return response.status_code, response.content


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=STEPS)
@example(steps=[(publish, ARABIC_DRAFT, 0)])  # beats English cards by its language alone
@example(steps=[(publish, ALONE_DRAFT, 0)])  # fills a sidebar with room
def test_every_kept_article_page_shows_its_sidebar_as_fresh(db, editor, steps):
    cache.clear()
    with transaction.atomic():
        pieces, taxonomy = build()
        urls = [piece.get_absolute_url() for piece in pieces]
        desk = Client()
        desk.force_login(editor)
        reader = Client()
        for url in urls:
            served(reader, url)
        for action, index, choice in steps:
            article = Article.objects.get(pk=pieces[index].pk)
            action(article, taxonomy, choice, desk, editor)
            for url in urls:
                kept = served(reader, url)
                with override_settings(PAGE_CACHE_SECONDS=0):
                    assert kept == served(reader, url), (action.__name__, index, url)
        transaction.set_rollback(True)
