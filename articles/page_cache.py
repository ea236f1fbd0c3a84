"""What the site's page cache (thinktank.cache) must know of articles."""

from django.apps import apps
from django.utils import timezone

from articles.models import Article
from articles.search import sqlite as search_on_sqlite


def next_public_change():
    """
    When the published articles next change by themselves: a scheduled article goes
    live at its date, an event moves from the upcoming to the past at its start. Two
    reads along an index each (article_newest, article_event_start), not a scan of the
    published articles: every write to an article asks this again.
    """
    now = timezone.now()
    published = Article.objects.filter(status=Article.Status.PUBLISHED)
    going_live = (
        published.filter(published_at__gt=now)
        .order_by("status", "published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    starting = (
        published.filter(published_at__lte=now, event_start__gt=now)
        .order_by("event_start")
        .values_list("event_start", flat=True)
        .first()
    )
    return min(filter(None, (going_live, starting)), default=None)


def register(page_cache):
    # Every model of articles shows on some public page, and so do the tags.
    page_cache.watch(
        *apps.get_app_config("articles").get_models(include_auto_created=True),
        tables=[search_on_sqlite.TABLE],  # SQLite's search index, a table of its own
    )
    page_cache.watch(*apps.get_app_config("taggit").get_models(include_auto_created=True))
    # Topics and regions (their names, slugs and former addresses) show on article pages,
    # in bylines' and bodies' links (docs/internal-links.md), and on their own pages.
    page_cache.watch(*apps.get_app_config("taxonomy").get_models(include_auto_created=True))
    page_cache.schedule(next_public_change, {Article: ("status", "published_at", "event_start")})
