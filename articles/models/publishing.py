"""
What readers may see, decided in one place: an article is public when it is published
and dated now or earlier, so a future date schedules it with no job to run. Public
queries start from `published_condition` or `ArticleQuerySet.published`, and querysets
of other models apply the same rule across a relation instead of a copy of it.

The article's queryset is here too, built on that rule, with the filters and orders the
pages use. It names models defined in modules that import this one (the article, its
links): the queryset's methods reach them by the article's relations (self.model), and
published_versions_prefetch and byline_prefetch are given Article.
"""

from django.db import models
from django.db.models import Case, F, Prefetch, Q, Value, When
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Region, Topic


class Status(models.TextChoices):
    """
    What is stored. "Scheduled" is not a status: it is a published article whose
    publication date is still ahead (see Article.display_status), so it goes live by itself.
    """

    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class DisplayStatus(models.TextChoices):
    """What an editor sees: the stored status, with "scheduled" told apart."""

    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    SCHEDULED = "scheduled", _("Scheduled")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


# The article fields the search index is made of; a save of other fields alone needs no re-index.
INDEXED_FIELDS = frozenset({"title", "summary", "body", "language"})

# Sent by the writes that send no model signal (an update() of INDEXED_FIELDS, a
# bulk_create() of bylines) with `ids`, the articles whose indexed text they changed.
# articles.search imports these models, so they name it not: it connects a receiver
# that re-indexes them, and registers its search (register_search), in
# ArticlesConfig.ready().
indexed_text_changed = Signal()

_search = []


def register_search(search):
    """`search(queryset, text, language)`: what ArticleQuerySet.search() runs."""
    _search[:] = [search]


def published_condition(prefix=""):
    """
    The one rule for what readers may see: published, and dated now or earlier.

    `prefix` applies it across a relation ("recommended_article__"), so querysets of other
    models (recommendations, translations) use the same rule instead of a copy.
    """
    return Q(**{f"{prefix}status": Status.PUBLISHED, f"{prefix}published_at__lte": timezone.now()})


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_condition())

    def in_language(self, language):
        return self.filter(language=language)

    def search(self, query, language=None):
        """Those in `language` (None: any) matching `query`, best first (articles.search)."""
        (search,) = _search
        return search(self, query, language)

    def update(self, **values):
        """An UPDATE sends no signal: re-index the rows whose indexed text it changes."""
        if not INDEXED_FIELDS.intersection(values):
            return super().update(**values)
        ids = list(self.values_list("pk", flat=True))
        count = super().update(**values)
        indexed_text_changed.send(sender=self.model, ids=ids)
        return count

    def newest_first(self):
        """
        Published work by date, the latest first. Published work always has a date
        (a CheckConstraint), so the order is the plain one the indexes
        `article_newest_in_language` and `article_newest` hold, which lets a page
        of a list be read from an index instead of sorting the whole list. For rows
        that may be undated (drafts, in the admin) use Meta.ordering (undated last).
        """
        return self.order_by("-published_at", "-pk")

    def language_first(self, language):
        """Newest first, with the work in `language` ahead of the rest."""
        return self.annotate(
            in_page_language=Case(
                When(language=language, then=Value(0)),
                default=Value(1),
                output_field=models.IntegerField(),
            )
        ).order_by("in_page_language", F("published_at").desc(nulls_last=True), "-pk")

    def _authorships(self):
        """The bylines' rows (ArticleAuthor), reached by the article's relation to them:
        their module, articles.models.links, imports this one."""
        return self.model.authorships.rel.related_model.objects.all()

    def by_author(self, expert):
        return self.filter(pk__in=self._authorships().filter(expert=expert).values("article"))

    def by_program(self, program):
        """Work by any author of `program` (a subquery, so no article comes twice)."""
        authorships = self._authorships().filter(expert__program=program)
        return self.filter(pk__in=authorships.values("article"))

    def in_region(self, region, nested_ids=None):
        """
        Work on `region` or on any region nested under it, each article once (a
        subquery); `nested_ids`, the ids of those regions, when the caller has them.
        """
        if nested_ids is None:
            nested_ids = Region.objects.descendant_ids(region)
        regions = self.model.regions.through.objects.filter(region_id__in=nested_ids)
        return self.filter(pk__in=regions.values("article_id"))

    def matching(
        self,
        *,
        language=None,
        publication_type=None,
        topic=None,
        region=None,
        nested_ids=None,
        author=None,
        program=None,
        first_day=None,
        last_day=None,
    ):
        """
        Narrowed by each filter given (None: not narrowed by it): in `language`, of
        `publication_type`, on `topic`, on `region` or a region nested under it
        (`nested_ids`, their ids, when read already), by `author`, by an author of
        `program`, published between `first_day` and `last_day` (dates).
        """
        articles = self
        if language is not None:
            articles = articles.in_language(language)
        if publication_type is not None:
            articles = articles.filter(publication_type=publication_type)
        if topic is not None:
            articles = articles.filter(topics=topic)
        if region is not None:
            articles = articles.in_region(region, nested_ids=nested_ids)
        if author is not None:
            articles = articles.by_author(author)
        if program is not None:
            articles = articles.by_program(program)
        return articles.published_between(first_day, last_day)

    def published_between(self, first_day=None, last_day=None):
        """Published on or after `first_day` and on or before `last_day` (dates; None: open)."""
        articles = self
        if first_day is not None:
            articles = articles.filter(published_at__date__gte=first_day)
        if last_day is not None:
            articles = articles.filter(published_at__date__lte=last_day)
        return articles

    def events(self):
        return self.filter(publication_type__is_event=True)

    def excluding_events(self):
        return self.exclude(publication_type__is_event=True)

    def upcoming(self):
        """Events that have not started yet (by their start, not their publication)."""
        return self.filter(event_start__gte=timezone.now())

    def past(self):
        return self.filter(event_start__lt=timezone.now())

    def soonest_first(self):
        return self.order_by("event_start", "pk")

    def latest_events_first(self):
        return self.order_by(F("event_start").desc(nulls_last=True), "-pk")

    def with_authors(self):
        """Each one's `byline`, with what a list shows of its authors (byline_prefetch)."""
        return self.prefetch_related(byline_prefetch(self.model, listed=True))

    def for_listing(self, bylines=True):
        """
        What a list item shows: type, title, date, event time and authors (`bylines`
        False: not the authors, for a caller that fetches them with others').
        """
        listed = self.select_related("publication_type").without_search_vector()
        return listed.with_authors() if bylines else listed

    def without_search_vector(self):
        """The search index's columns (kilobytes a row) are for queries, not for pages."""
        return self.defer("search_vector", "search_head")

    def for_page(self):
        """
        What the article page shows besides bylines and the sidebar, in a fixed number
        of queries: the article with its type, its topics, its regions and its
        published versions.

        The sidebar (articles.recommendations.sidebar) and the bylines of the article
        and of the sidebar's cards together (`selectors.article_for_page`) are one
        query each afterwards, so the page's count stays flat.
        """
        topics = Topic.objects.only(*TAXONOMY_LINK_FIELDS).order_by("name")
        regions = Region.objects.only(*TAXONOMY_LINK_FIELDS).order_by("name")
        return (
            self.select_related("publication_type", "translation_set")
            .without_search_vector()
            .prefetch_related(
                Prefetch("topics", queryset=topics),
                Prefetch("regions", queryset=regions),
                published_versions_prefetch(self.model),
            )
        )


# What a link to a topic or a region shows: its name in each language, its address.
TAXONOMY_LINK_FIELDS = ("name", "slug", "translations")

# What a list shows of an author (the name in each language, the profile's address and
# whether there is one) and what a citation of the piece names (the sort name).
LISTED_AUTHOR_FIELDS = ("name", "slug", "kind", "sort_name", "translations")
# What the article page shows of them besides, in "About the authors": the photo (its
# stored size and focal point make its renditions' names), the short bio, the program.
PAGE_AUTHOR_FIELDS = (
    *LISTED_AUTHOR_FIELDS,
    "short_bio",
    "photo",
    "photo_width",
    "photo_height",
    "photo_focal_x",
    "photo_focal_y",
    "program__name",
    "program__translations",
)


def byline_prefetch(article_model, listed=False, fields=None):
    """
    An article's authors in byline order, as `article.byline` (a list): whole, with
    their program (the admin), or only the experts' `fields` (PAGE_AUTHOR_FIELDS for
    the article page; `listed`: LISTED_AUTHOR_FIELDS, for the many cards of a list, half
    the time of whole rows). Their long bio and derived columns stay in the database.
    `article_model` is Article, passed in: its module and the bylines' import this one.
    """
    if listed:
        fields = LISTED_AUTHOR_FIELDS
    bylines = article_model.authorships.rel.related_model  # ArticleAuthor
    authorships = bylines.objects.select_related("expert")
    if fields is None or any(name.startswith("program__") for name in fields):
        authorships = authorships.select_related("expert__program")
    if fields is not None:
        expert_fields = (f"expert__{name}" for name in fields)
        authorships = authorships.only("article", "expert", "position", *expert_fields)
    return Prefetch(
        "authorships", queryset=authorships.order_by("position", "pk"), to_attr="byline"
    )


def published_versions_prefetch(article_model):
    """The published versions of an article's translation set (itself included), as
    `article.translation_set.published_versions`; needs select_related("translation_set").
    `article_model` is Article, passed in: its module imports this one."""
    # Each is named by its language and linked by its address: nothing else is read.
    versions = article_model.objects.published().only("language", "slug", "translation_set")
    return Prefetch(
        "translation_set__articles",
        queryset=versions.order_by("language"),
        to_attr="published_versions",
    )
