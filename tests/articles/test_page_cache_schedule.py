"""When published articles next change by themselves (articles.page_cache): the
earliest scheduled go-live or upcoming event start of published work, whatever mix of
statuses, dates and events the site holds (checked against reading every article)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article
from articles.page_cache import next_public_change
from tests.helpers.factories import make_article

HOURS = st.none() | st.integers(-48, 48)
PIECES = st.lists(st.tuples(st.sampled_from(list(Article.Status)), HOURS, HOURS), max_size=6)


def expected(now):
    moments = []
    for article in Article.objects.filter(status=Article.Status.PUBLISHED):
        if article.published_at > now:
            moments.append(article.published_at)
        elif article.event_start and article.event_start > now:
            moments.append(article.event_start)
    return min(moments, default=None)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pieces=PIECES)
def test_the_next_change_is_the_earliest_go_live_or_event_start(db, pieces):
    now = timezone.now()
    with transaction.atomic():
        for status, published, starts in pieces:
            if published is None and status == Article.Status.PUBLISHED:
                published = 0  # published work has a date
            article = make_article(published=False)
            Article.objects.filter(pk=article.pk).update(
                status=status,
                published_at=None if published is None else now + timedelta(hours=published),
                event_start=None if starts is None else now + timedelta(hours=starts),
            )
        assert next_public_change() == expected(timezone.now())
        transaction.set_rollback(True)
