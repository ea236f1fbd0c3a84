"""
Reads of experts and programs: the events on a profile, and the sitemap's (the lists
of work on the pages are in articles.selectors).
"""

from django.db.models import BooleanField, Case, F, Max, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from articles.models import Article
from articles.models.publishing import published_condition
from experts.models import Expert, Program

# Events an expert spoke at, beside their publications: every upcoming one, and
# this many past ones.
PAST_EVENTS_SHOWN = 10


def events_of(expert, past_shown=PAST_EVENTS_SHOWN):
    """
    (upcoming, past): the published events `expert` speaks or spoke at that have a
    start, every upcoming one soonest first and the `past_shown` latest past ones, in
    one query: a window numbers the past ones from the latest.
    """
    now = timezone.now()
    is_past = Case(
        When(event_start__lt=now, then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )
    events = (
        Article.objects.published()
        .by_author(expert)
        .events()
        .filter(event_start__isnull=False)
        .select_related("publication_type")
        .without_search_vector()
        .annotate(
            is_past=is_past,
            latest_first=Window(
                RowNumber(),
                partition_by=[is_past],
                order_by=[F("event_start").desc(), F("pk").desc()],
            ),
        )
        .filter(Q(is_past=False) | Q(latest_first__lte=past_shown))
        .order_by("event_start", "pk")
    )
    events = list(events)
    upcoming = [event for event in events if not event.is_past]
    past = [event for event in events if event.is_past]
    return upcoming, past[::-1]


def experts_for_sitemap():
    """
    Every expert with a profile (former experts' pages stay), each with `last_work`:
    when the latest of their published work changed (their page lists it).
    """
    return (
        Expert.objects.with_profile()
        .annotate(
            last_work=Max(
                "authorships__article__updated_at",
                filter=published_condition("authorships__article__"),
            )
        )
        .order_by("pk")
    )


def programs_for_sitemap():
    """Programs, each with when their experts and those experts' published work last changed."""
    return Program.objects.annotate(
        last_expert_change=Max("experts__updated_at"),
        last_work=Max(
            "experts__authorships__article__updated_at",
            filter=published_condition("experts__authorships__article__"),
        ),
    ).order_by("position", "name", "pk")


def last_expert_change():
    return Expert.objects.with_profile().aggregate(last=Max("updated_at"))["last"]
