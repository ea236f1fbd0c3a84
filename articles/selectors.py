"""Reads that assemble what the site's lists show: documents, lists of work on a topic or
region, the home page, events, an expert's and a program's work, feeds.

The page at an address (an article, a topic or a region) is read in page_selectors."""

from itertools import groupby
from operator import attrgetter

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import get_language

from articles import list_cache
from articles.models import Article, Document, Feature, PublicationType, Region, Topic
from articles.models.publishing import byline_prefetch
from experts.models import Expert, sort_key_expression
from experts.page_cache import listed_experts_shown
from thinktank.cache import remember
from thinktank.pagination import KeptRows


def published_document(pk, *, slug=None, language=None):
    """The document `pk` of a published article (at `slug` in `language`, if given)."""
    documents = Document.objects.published().select_related("article").defer("text")
    if slug is not None:
        documents = documents.filter(article__slug=slug, article__language=language)
    return documents.filter(pk=pk).first()


def document_for_preview(article_id, pk):
    """The document `pk` of the article `article_id`, whatever the article's status."""
    documents = Document.objects.select_related("article").defer("text")
    return documents.filter(pk=pk, article_id=article_id).first()


# --- listing pages: topic and region pages, the home page, events -----------------------------

TOP_EXPERTS = 5
TOP_EXPERTS_OF_LATEST = 100
HOME_LATEST_PER_TYPE = 3
HOME_UPCOMING_EVENTS = 3


def with_bylines(articles):
    """`articles` (a list), each with its `byline` as a card shows it, in one query."""
    prefetch_related_objects(articles, byline_prefetch(Article, listed=True))
    return articles


def published_work(*, language, bylines=True, **filters):
    """The published work in `language` (None: every one), newest first, for a list,
    narrowed by `ArticleQuerySet.matching`'s keyword `filters`; `bylines=False` for a
    caller that fetches them with others' (with_bylines)."""
    work = Article.objects.published().matching(language=language, **filters)
    return work.for_listing(bylines=bylines).newest_first()


def search_results(form):
    """The published work matching an ArticleSearchForm, best first; none without a query."""
    return form.search(Article.objects.published())


def topic_or_region_filter(topic_or_region, nested_ids=None):
    """The filter of `published_work` for the work on a topic or on a region (and the
    regions nested under it: `nested_ids`, when read already)."""
    if isinstance(topic_or_region, Region):
        return {"region": topic_or_region, "nested_ids": nested_ids}
    return {"topic": topic_or_region}


def featured_on(topic_or_region, language):
    """The published features of a topic or a region in `language`, in order, without
    their bylines (their cards read those of the cards not kept: articles.cards);
    remembered until one comes, goes or changes (a feature's own rows purge everything)."""

    def compute():
        list_cache.list_shows(**topic_or_region_filter(topic_or_region))
        articles = Feature.objects.on(topic_or_region).articles(language)
        list_cache.articles_shown(articles)
        return articles

    parts = (type(topic_or_region).__name__, topic_or_region.pk, language)
    return remember("featured", parts, compute)


def top_experts_for(topic_or_region, language=None, limit=TOP_EXPERTS, nested_ids=None):
    """The experts with a profile who wrote most of the latest TOP_EXPERTS_OF_LATEST
    pieces on `topic_or_region`, most first, then by name, in one query; remembered by
    the page cache until work on it in any language, or a listed expert, changes."""
    language = language or get_language()
    filters = topic_or_region_filter(topic_or_region, nested_ids)

    def compute():
        list_cache.list_shows(language=None, **filters)
        latest = published_work(language=None, bylines=False, **filters).values("pk")
        experts = (
            Expert.objects.with_profile()
            .filter(articles__in=latest[:TOP_EXPERTS_OF_LATEST])
            .annotate(work_on_topic_or_region=Count("articles", distinct=True))
            .select_related("program")  # the card may name it
            .order_by("-work_on_topic_or_region", sort_key_expression(language), "pk")
        )
        experts = list(experts[:limit])
        listed_experts_shown(experts)
        return experts

    kind = topic_or_region._meta.label
    return remember("top-experts", (kind, topic_or_region.pk, language, limit), compute)


def latest_by_type(language, per_type=HOME_LATEST_PER_TYPE, exclude=()):
    """[(publication type, its `per_type` latest articles)] in `language`, events aside,
    in one query (a window function)."""
    newest = [F("published_at").desc(), F("pk").desc()]
    ranked = (
        Article.objects.published()
        .in_language(language)
        .excluding_events()
        .exclude(pk__in=list(exclude))
        .annotate(rank=Window(RowNumber(), partition_by=F("publication_type"), order_by=newest))
        .filter(rank__lte=per_type)
        .select_related("publication_type")
        .without_text()
        .order_by("publication_type__position", "publication_type__name", "rank")
    )
    return [
        (publication_type, list(articles))
        for publication_type, articles in groupby(ranked, key=attrgetter("publication_type"))
    ]


def upcoming_events(language, limit=None):
    """Published events in `language` that have not started yet, soonest first."""
    events = (
        Article.objects.published()
        .in_language(language)
        .events()
        .upcoming()
        .select_related("publication_type")
        .without_text()
        .soonest_first()
    )
    return list(events if limit is None else events[:limit])


def past_events(language):
    """Published events in `language` that have started, the latest first (a queryset)."""
    return (
        Article.objects.published()
        .in_language(language)
        .events()
        .past()
        .for_listing()
        .latest_events_first()
    )


def home_page(language):
    """What the home page shows: the features, the latest by type, upcoming events."""
    featured = Feature.objects.on_home().articles(language)
    latest = latest_by_type(language, exclude=[article.pk for article in featured])
    events = upcoming_events(language, limit=HOME_UPCOMING_EVENTS)
    with_bylines([*featured, *(article for _type, items in latest for article in items), *events])
    return {"featured": featured, "latest_by_type": latest, "upcoming_events": events}


def event_for_calendar(slug, language=None):
    """The published event at `slug` in `language` with a start, or None."""
    events = Article.objects.published().in_language(language or get_language()).events()
    return events.filter(slug=slug, event_start__isnull=False).with_authors().first()


# --- an expert's and a program's work ----------------------------------------------------

EXPERT_PAST_EVENTS = 10  # past events on a profile; every upcoming one is shown


def publication_types_of(expert):
    """The publication types of `expert`'s published work, events aside, each once;
    remembered by the page cache until their work changes."""

    def compute():
        list_cache.list_shows(author=expert)
        # Each type's own EXISTS stops at its first piece: a prolific expert's thousands
        # of pieces are not all read and grouped (4x faster at 1,600 pieces).
        of_type = (
            Article.objects.published().by_author(expert).filter(publication_type=OuterRef("pk"))
        )
        return list(PublicationType.objects.filter(is_event=False).filter(Exists(of_type)))

    return remember("publication-types", expert.pk, compute)


def publications_of(expert, *, language, publication_types=None):
    """`expert`'s published work, events aside, of `publication_types` (None: any), in
    `language` first, newest first, for a list."""
    publications = Article.objects.published().by_author(expert).excluding_events()
    if publication_types is not None:
        publications = publications.filter(publication_type__in=publication_types)
    return publications.for_listing().language_first(language)


def program_publications(program, *, language):
    """The published work of `program`'s authors, the work in `language` first, for a list."""
    return Article.objects.published().by_program(program).for_listing().language_first(language)


def events_of(expert, past_shown=EXPERT_PAST_EVENTS):
    """(upcoming soonest first, the `past_shown` latest past): `expert`'s events, each
    thinktank.pagination.KeptRows for their cards (articles.cards reads the rows of only
    the cards not kept). The ids are remembered by the page cache until the expert's
    work changes, or an event starts (its next change)."""

    def compute():
        list_cache.list_shows(author=expert)
        return _event_ids(expert, past_shown)

    upcoming, past = remember("expert-events", (expert.pk, past_shown), compute)
    return KeptRows(upcoming, _listed_events), KeptRows(past, _listed_events)


def _listed_events():
    return Article.objects.published().events().for_listing()


def _event_ids(expert, past_shown):
    """([upcoming event ids], [past event ids]) as events_of orders them: one query."""
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
    rows = list(events.values_list("pk", "is_past"))
    upcoming = [pk for pk, is_past in rows if not is_past]
    past = [pk for pk, is_past in rows if is_past]
    return upcoming, past[::-1]


# --- feeds, citations and the PDF edition ----------------------------------------------------


def for_feed(articles, limit):
    """The first `limit` of `articles` (a list), with their topics, a feed's categories."""
    topics = Prefetch("topics", queryset=Topic.objects.order_by("name"))
    return list(articles.prefetch_related(topics)[:limit])


def published_article_with_byline(slug, language=None):
    """The published, live article at `slug` in `language` with its type and byline (what
    a citation and the PDF edition show), or None."""
    published = Article.objects.published().in_language(language or get_language())
    return published.filter(slug=slug).for_listing(text=True).first()


def articles_using_image(image):
    """The articles whose body shows the library image `image`, live ones first: one query."""
    return list(
        Article.objects.filter(figure_images__image=image)
        .only("title", "language", "status", "published_at", "slug")
        .order_by("status", "-published_at", "pk")
    )
