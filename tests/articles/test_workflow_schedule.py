"""
"Schedule…": a time in the site's time zone (TIME_ZONE), whatever that zone is; a time
that has passed, or that the zone's clock skips or shows twice, is refused with a
message on the form, never a server error. The bar shows the scheduled time in the
site's zone (and, in the browser, in the editor's own: tests/browser).
"""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from articles.models import Article
from tests.helpers.adminforms import change_url, form_data
from tests.helpers.contributing import article_in
from tests.helpers.htmlpage import parse

pytestmark = pytest.mark.django_db

ZONES = [
    "UTC",
    "Asia/Tehran",
    "Asia/Riyadh",
    "Asia/Kolkata",
    "Europe/Paris",
    "America/New_York",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
]
NOW = datetime.now(UTC).replace(tzinfo=None)


def meaning(naive, zone):
    """The moment `naive` means on `zone`'s clock; None if the clock skips or repeats it."""
    earlier = naive.replace(tzinfo=ZoneInfo(zone))
    later = naive.replace(tzinfo=ZoneInfo(zone), fold=1)
    if earlier.utcoffset() != later.utcoffset():
        return None  # shown twice (or skipped): the zone's clock changes then
    if earlier.astimezone(UTC).astimezone(ZoneInfo(zone)).replace(tzinfo=None) != naive:
        return None
    return earlier


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    zone=st.sampled_from(ZONES),
    naive=st.datetimes(min_value=NOW - timedelta(days=40), max_value=NOW + timedelta(days=800)).map(
        lambda moment: moment.replace(second=0, microsecond=0)
    ),
)
@example(
    zone="Europe/Paris", naive=datetime.fromisoformat("2031-03-30T02:30")
)  # skipped: clocks go forward
@example(zone="Europe/Paris", naive=datetime.fromisoformat("2031-10-26T02:30"))  # shown twice: back
@example(zone="Asia/Tehran", naive=datetime.fromisoformat("2031-06-01T00:00"))
def test_a_time_is_read_on_the_sites_clock(client, editor, zone, naive):
    with override_settings(TIME_ZONE=zone):
        article = article_in("review")
        client.force_login(editor)
        data = form_data(
            article,
            workflow_action="schedule",
            schedule_at=naive.strftime("%Y-%m-%dT%H:%M"),
            publish_anyway="on",
        )
        response = client.post(change_url(article), data)
        moment = meaning(naive, zone)
        stored = Article.objects.get(pk=article.pk)
        if moment is None or moment <= timezone.now():
            assert response.status_code == 200
            assert "schedule_at" in response.context["adminform"].form.errors
            assert stored.status == Article.Status.REVIEW
        else:
            assert response.status_code == 302
            assert stored.published_at == moment
            assert stored.display_status == Article.DisplayStatus.SCHEDULED


def test_a_past_time_is_refused_with_a_message(client, editor):
    article = article_in("draft")
    client.force_login(editor)
    past = (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    data = form_data(article, workflow_action="schedule", schedule_at=past, publish_anyway="on")
    response = client.post(change_url(article), data)
    assert "This time has passed" in response.content.decode()
    empty = form_data(article, workflow_action="schedule", schedule_at="", publish_anyway="on")
    response = client.post(change_url(article), empty)
    assert "Choose the date and time to publish at." in response.content.decode()
    garbage = form_data(
        article, workflow_action="schedule", schedule_at="31/02", publish_anyway="on"
    )
    assert client.post(change_url(article), garbage).status_code == 200
    assert Article.objects.get(pk=article.pk).status == Article.Status.DRAFT


@override_settings(TIME_ZONE="Asia/Tehran")
def test_the_bar_shows_the_scheduled_time_in_the_sites_zone(client, editor):
    when = datetime(2031, 3, 1, 9, 30, tzinfo=ZoneInfo("Asia/Tehran"))
    article = article_in("draft")
    Article.objects.filter(pk=article.pk).update(status="published", published_at=when)
    client.force_login(editor)
    bar = parse(client.get(change_url(article)).content).find(id="workflow-bar")
    assert bar.find(cls="workflow-state__label").text == "Scheduled"
    assert "9:30" in bar.find(cls="workflow-state__time").text
    assert "Asia/Tehran" in bar.find(cls="workflow-state__time").text
    browser_zone = bar.find(cls="workflow-local-time")
    assert datetime.fromisoformat(browser_zone.get("data-utc")) == when
