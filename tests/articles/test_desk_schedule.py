"""
The dashboard's timeline of scheduled work (articles.desk.selectors.scheduled): from
now to the end of the fourteenth day, today the first, grouped by day in the site's
time zone, whatever the time of day and the zone.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles.desk import selectors
from articles.models import Article
from tests.helpers.factories import make_article

pytestmark = pytest.mark.django_db

ZONES = ["UTC", "Asia/Tehran", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago"]


def scheduled_at(when):
    return make_article(published_at=when)


def shown(editor, now):
    listing = selectors.scheduled(editor, now)
    return listing, [(day.date, [row.pk for row in day.articles]) for day in listing.rows]


@pytest.mark.parametrize("zone", ZONES)
def test_the_window_is_today_and_the_next_thirteen_days_in_the_sites_zone(editor, settings, zone):
    settings.TIME_ZONE = zone
    now = datetime(2026, 3, 27, 21, 30, tzinfo=UTC)  # a spring week of clock changes
    start, until = selectors.schedule_window(now)
    local = timezone.localtime(now, timezone.get_default_timezone())
    assert start == now
    assert timezone.localtime(until, timezone.get_default_timezone()).date() == (
        local.date() + timedelta(days=14)
    )
    assert timezone.localtime(until, timezone.get_default_timezone()).time().hour == 0
    past = scheduled_at(now - timedelta(seconds=1))
    first = scheduled_at(now + timedelta(seconds=1))
    last = scheduled_at(until - timedelta(seconds=1))
    beyond = scheduled_at(until)
    listing, days = shown(editor, now)
    listed = [pk for _date, pks in days for pk in pks]
    assert listed == [first.pk, last.pk]
    assert past.pk not in listed and beyond.pk not in listed
    assert listing.count == 2
    assert days[0][0] == local.date()
    assert days[-1][0] == local.date() + timedelta(days=13)


@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    zone=st.sampled_from(ZONES),
    offsets=st.lists(st.integers(min_value=-3_600, max_value=16 * 86_400), max_size=8),
)
def test_each_article_is_under_its_local_day_soonest_first(editor, zone, offsets):
    Article.objects.all().delete()
    now = datetime(2026, 12, 6, 23, 45, tzinfo=UTC)
    with override_settings(TIME_ZONE=zone):
        site_zone = timezone.get_default_timezone()
        start, until = selectors.schedule_window(now)
        made = [scheduled_at(now + timedelta(seconds=offset)) for offset in offsets]
        listing, days = shown(editor, now)
        expected = sorted(
            (article for article in made if start < article.published_at < until),
            key=lambda article: (article.published_at, article.pk),
        )
        assert listing.count == len(expected)
        assert [pk for _date, pks in days for pk in pks] == [article.pk for article in expected]
        for date, pks in days:
            for pk in pks:
                published_at = next(article.published_at for article in made if article.pk == pk)
                assert timezone.localtime(published_at, site_zone).date() == date
        assert len({date for date, _pks in days}) == len(days)


def test_drafts_and_live_work_are_not_scheduled(editor):
    now = timezone.now()
    make_article(published=False, published_at=now + timedelta(days=1))
    make_article(published_at=now - timedelta(minutes=1))
    assert selectors.scheduled(editor, now).count == 0
