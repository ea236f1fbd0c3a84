"""
Reads of experts and programs: the work and events on a profile, a program's work,
and the sitemap's.
"""

from django.db.models import (
    BooleanField,
    Case,
    F,
    Max,
    Q,
    Value,
    When,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import RowNumber
from django.utils import timezone

from articles.models import Article, PublicationType
from articles.models.publishing import byline_prefetch, published_condition
from experts.models import Expert, Program

# Events an expert spoke at, beside their publications: every upcoming one, and
# this many past ones.
PAST_EVENTS_SHOWN = 10


def experts_for_directory(language, form):
    """
    The experts with a profile, as the directory lists them in `language` (sorted by
    sort name), narrowed by the valid filters of `form` (an ExpertFilterForm): a list.
    """
    return list(form.filter(Expert.objects.with_profile().for_directory(language)))


def experts_for_profile():
    """The experts with a profile, each with what their page shows (a queryset)."""
    return Expert.objects.with_profile().for_profile()


def programs_for_listing():
    return Program.objects.for_listing()


def program_at(slug):
    """The program at `slug`, or None."""
    return Program.objects.filter(slug=slug).first()


def program_experts(program, language):
    """`program`'s current experts with a profile, as its page lists them in `language`."""
    return list(program.experts.with_profile().active().for_program_page(language))


def publication_types_of(expert):
    """The publication types of `expert`'s published work, events aside, each once."""
    work = Article.objects.published().by_author(expert).excluding_events()
    return list(PublicationType.objects.filter(articles__in=work.values("pk")).distinct())


def publications_of(expert, *, language, publication_types=None):
    """
    `expert`'s published work, events aside, of `publication_types` (None: of any),
    the work in `language` first, each newest first, with its type (not its byline:
    with_bylines fetches those of the whole page).
    """
    publications = Article.objects.published().by_author(expert).excluding_events()
    if publication_types is not None:
        publications = publications.filter(publication_type__in=publication_types)
    return (
        publications.select_related("publication_type")
        .without_search_vector()
        .language_first(language)
    )


def program_publications(program, *, language):
    """The published work of `program`'s authors, the work in `language` first, for a list."""
    return Article.objects.published().by_program(program).for_listing().language_first(language)


def with_bylines(articles):
    """`articles` (a list), each with its `byline` as a card shows it, in one query."""
    prefetch_related_objects(articles, byline_prefetch(Article, listed=True))
    return articles


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
