"""
The page cache and time (thinktank.cache): a scheduled piece goes live and an event
moves to the past with no job running, and no kept page outlives either; with a
lagging read replica, pages rendered just after a write are kept only briefly.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import services
from articles.models import Article
from tests.helpers.factories import in_future, make_article, make_event
from tests.helpers.htmlpage import parse
from tests.helpers.page_cache import get, lifetime, text, warm

pytestmark = pytest.mark.django_db


def test_a_scheduled_piece_goes_live_at_its_time_with_no_job(client, clock):
    make_article("Published last week", published_at=in_future(days=-7))
    scheduled = make_article("Scheduled for tomorrow", published_at=in_future(days=1))
    warm(client, "/", "/policy-analysis")
    # Kept no longer than until the piece goes live.
    assert lifetime() <= 24 * 3600 + 1
    clock(hours=23)
    assert "Scheduled for tomorrow" not in text(client.get("/policy-analysis"))
    clock(hours=1, seconds=1)
    assert "Scheduled for tomorrow" in text(client.get("/policy-analysis"))
    assert "Scheduled for tomorrow" in text(client.get("/"))
    assert client.get(scheduled.get_absolute_url()).status_code == 200


def test_scheduling_a_piece_shortens_the_life_of_kept_pages(editor):
    make_article("Published last week", published_at=in_future(days=-7))
    assert lifetime() == pytest.approx(600, abs=1)
    draft = make_article("Later today", published=False)
    services.article_publish(draft, user=editor, at=timezone.now() + timedelta(hours=1))
    assert lifetime() <= 3601


def events_section(client, section):
    page = parse(client.get("/events"))
    return page.find("section", aria_labelledby=f"{section}-events").text


def test_an_event_moves_to_the_past_at_its_start(client, clock):
    make_event("Webinar on the Gulf", start=timezone.now() + timedelta(hours=2))
    assert "Webinar on the Gulf" in events_section(client, "upcoming")
    assert get(client, "/events")[1] == 0
    clock(hours=1)
    assert "Webinar on the Gulf" in events_section(client, "upcoming")
    clock(hours=1, seconds=1)
    assert "Webinar on the Gulf" in events_section(client, "past")
    assert "Webinar on the Gulf" not in events_section(client, "upcoming")


def test_with_a_lagging_replica_pages_rendered_just_after_a_write_are_kept_briefly(settings, clock):
    piece = make_article("Deterrence in the Gulf")
    settings.PAGE_CACHE_REPLICA_LAG_SECONDS = 5
    Article.objects.filter(pk=piece.pk).update(title="Not on the replica yet")
    assert lifetime() <= 6
    clock(seconds=6)
    assert lifetime() == pytest.approx(600, abs=1)
