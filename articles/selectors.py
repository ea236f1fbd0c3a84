"""Reads that assemble what a page shows from what `for_page()` already fetched."""

from itertools import groupby
from operator import attrgetter

from django.conf import settings
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

from articles import list_cache, page_cache, recommendations
from articles.models import (
    Article,
    ArticleRedirect,
    Document,
    Feature,
    PublicationType,
    Region,
    TaxonomyRedirect,
    Topic,
)
from articles.models.publishing import (
    PAGE_AUTHOR_FIELDS,
    TAXONOMY_LINK_FIELDS,
    byline_prefetch,
)
from experts.models import Expert, sort_key_expression
from experts.page_cache import listed_experts_shown
from taxonomy.models import RegionTree
from thinktank.cache import recall, remember, remember_many


def translations_for(article):
    """The article's other published versions, in the order of settings.LANGUAGES."""
    versions = getattr(article.translation_set, "published_versions", None)
    if versions is None:  # not fetched with for_page(): fetch them
        versions = Article.objects.published().filter(translation_set=article.translation_set_id)
    order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    others = [version for version in versions if version.pk != article.pk]
    return sorted(others, key=lambda version: order.get(version.language, len(order)))


# What article_for_page() keeps for an address with no article (None is never kept):
# a topic's or region's page then does not look for one at every render.
NO_ARTICLE = False


def article_for_page(slug, language=None):
    """The published article at `slug` in `language` with all its page shows, or None:
    `article.sidebar_articles` (articles.recommendations) and its `byline`. The article,
    its sidebar and its byline are each remembered by the page cache until what they
    show changes, so a page purged for one of them renders the others from what was
    kept. A byline not kept is read with the sidebar cards' (one query), which the cards
    not kept use. That there is none is remembered too, until one is public."""
    language = language or get_language()
    article = remember(*_article_named(slug, language), lambda: _article_at(slug, language))
    if article is NO_ARTICLE:
        return None
    recall(("sidebar", article.pk), ("page-byline", article.pk))  # one round trip for both
    article.sidebar_articles = remember("sidebar", article.pk, lambda: _sidebar_of(article))
    (article.byline,) = remember_many(
        "page-byline",
        [article],
        parts=attrgetter("pk"),
        compute=_byline_of,
        load=lambda missing: [_with_page_bylines(article)],
    )
    return article


def recall_address(slug, language=None):
    """Fetch at once what article_for_page() and topic_or_region_at() keep for `slug`,
    which its page asks for next (thinktank.cache.recall)."""
    recall(_article_named(slug, language or get_language()), _topic_or_region_named(slug))


def _article_named(slug, language):
    return "article-page", (slug, language)


def _topic_or_region_named(slug):
    return "topic-or-region-at", slug


def article_for_preview(pk):
    """Any article, whatever its status, as its page will show it (for previews)."""
    article = _first_for_page(Article.objects.filter(pk=pk))
    if article is None:
        return None
    article.sidebar_articles = recommendations.sidebar(article, article.language)
    return _with_page_bylines(article)


def _article_at(slug, language):
    published = Article.objects.published().in_language(language).filter(slug=slug)
    article = _first_for_page(published)
    if article is None:
        page_cache.no_article_shows(slug, language)
        return NO_ARTICLE
    page_cache.article_shows(article)
    return article


def _sidebar_of(article):
    cards = recommendations.sidebar(article, article.language)
    page_cache.sidebar_shows(
        article,
        cards,
        authors=recommendations.author_ids(article),
        topics=[topic.pk for topic in article.topics.all()],
        regions=[region.pk for region in article.regions.all()],
    )
    return cards


def _first_for_page(queryset):
    """The first of `queryset` with what its page reads besides bylines and sidebar."""
    return recommendations.with_sidebar_links(queryset.for_page()).first()


def _byline_of(article):
    """`article.byline` to keep: its authorships without their article (the page has it)."""
    page_cache.byline_shows(article)
    article_link = Article.authorships.field  # ArticleAuthor.article
    for authorship in article.byline:
        if article_link.is_cached(authorship):
            article_link.delete_cached_value(authorship)
    return article.byline


def _with_page_bylines(article):
    """`article`, it and its sidebar's cards with their `byline`, in one query."""
    bylines = byline_prefetch(Article, fields=PAGE_AUTHOR_FIELDS)
    prefetch_related_objects([article, *article.sidebar_articles], bylines)
    return article


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


def region_context_for(region):
    """{"ancestors", "subregions", "nested_ids"} of `region`, from one query."""
    regions = {item.pk: item for item in Region.objects.only("parent", *TAXONOMY_LINK_FIELDS)}
    tree = RegionTree.of(regions.values())
    subregions = [regions[pk] for pk in tree.children.get(region.pk, [])]
    return {
        "ancestors": [regions[pk] for pk in tree.ancestors(region.pk)],
        "subregions": sorted(subregions, key=lambda item: item.name),
        "nested_ids": tree.nested_ids(region.pk),
    }


def moved_article_for(slug, language=None):
    """The published article that used to be at `slug`, if its slug has changed."""
    redirect = (
        ArticleRedirect.objects.filter(
            language=language or get_language(),
            old_slug=slug,
            article__in=Article.objects.published(),
        )
        .select_related("article")
        .first()
    )
    return redirect.article if redirect else None


def moved_topic_or_region_for(slug):
    """The topic or region that used to be at `slug` (merged, or its slug changed)."""
    redirect = TaxonomyRedirect.objects.filter(old_slug=slug).select_related("topic", "region")
    redirect = redirect.first()
    return redirect.target if redirect else None


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


def topic_or_region_at(slug):
    """The topic at `slug`, else the region at it, else None (their slugs never clash);
    remembered by the page cache until the topics and regions change."""
    return remember(*_topic_or_region_named(slug), lambda: _topic_or_region_at(slug))


def _topic_or_region_at(slug):
    page_cache.taxonomy_shown()
    return Topic.objects.filter(slug=slug).first() or Region.objects.filter(slug=slug).first()


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
    """(upcoming soonest first, the `past_shown` latest past): `expert`'s events, one query."""
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
