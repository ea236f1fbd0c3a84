"""What readers may see, in one rule (`published_condition`), and the article's queryset
built on it. See docs/editorial-workflow.md."""

from django.db import models
from django.db.models import Case, F, Prefetch, Q, Value, When
from django.dispatch import Signal
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Region, Topic
from thinktank.reading_time import ReadingTime


class Status(models.TextChoices):
    """What is stored; "scheduled" is a published article dated ahead (Article.display_status)."""

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


INDEXED_FIELDS = frozenset({"title", "summary", "body", "language"})

# Sent with `ids` by the writes that send no model signal; articles.search listens.
indexed_text_changed = Signal()

_search = []


def register_search(search):
    """`search(queryset, text, language)`: what ArticleQuerySet.search() runs."""
    _search[:] = [search]


def published_condition(prefix=""):
    """The one rule for what readers may see: published, and dated now (when the query
    runs) or earlier; `prefix` applies it across a relation ("recommended_article__")."""
    return Q(**{f"{prefix}status": Status.PUBLISHED, f"{prefix}published_at__lte": ReadingTime()})


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
        """Published work, the latest first, in the order the `article_newest*` indexes
        hold; for undated drafts use Meta.ordering."""
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
        """The bylines' rows (ArticleAuthor), by the relation: their module imports this one."""
        return self.model.authorships.rel.related_model.objects.all()

    def by_author(self, expert):
        return self.filter(pk__in=self._authorships().filter(expert=expert).values("article"))

    def by_program(self, program):
        """Work by any author of `program` (a subquery, so no article comes twice)."""
        authorships = self._authorships().filter(expert__program=program)
        return self.filter(pk__in=authorships.values("article"))

    def in_region(self, region, nested_ids=None):
        """Work on `region` or a region nested under it (`nested_ids`, if read already)."""
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
        """Narrowed by each filter that is not None (see in_region, by_author, by_program,
        published_between)."""
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
        return self.filter(event_start__gte=ReadingTime())

    def past(self):
        return self.filter(event_start__lt=ReadingTime())

    def soonest_first(self):
        return self.order_by("event_start", "pk")

    def latest_events_first(self):
        return self.order_by(F("event_start").desc(nulls_last=True), "-pk")

    def with_authors(self):
        """Each one's `byline`, with what a list shows of its authors (byline_prefetch)."""
        return self.prefetch_related(byline_prefetch(self.model, listed=True))

    def for_listing(self, bylines=True, text=False):
        """What a list item shows, authors included unless `bylines` is False; its body
        and footer note only with `text` (a search result's passage, a PDF edition)."""
        listed = self.select_related("publication_type")
        listed = listed.without_search_vector() if text else listed.without_text()
        return listed.with_authors() if bylines else listed

    def without_search_vector(self):
        """Without the search index's columns (kilobytes a row)."""
        return self.defer(*SEARCH_COLUMNS)

    def without_text(self):
        """Without what no list shows: the search index's columns, the body and the
        footer note (kilobytes a row each)."""
        return self.defer(*SEARCH_COLUMNS, "body", "footer_note")

    def for_page(self):
        """What the article page shows besides bylines and the sidebar (type, topics,
        regions, published versions, documents), in a fixed number of queries."""
        topics = Topic.objects.only(*TAXONOMY_LINK_FIELDS).order_by("name")
        regions = Region.objects.only(*TAXONOMY_LINK_FIELDS).order_by("name")
        return (
            self.select_related("publication_type", "translation_set")
            .without_search_vector()
            .prefetch_related(
                Prefetch("topics", queryset=topics),
                Prefetch("regions", queryset=regions),
                published_versions_prefetch(self.model),
                documents_prefetch(self.model),
            )
        )


# The search index's columns of an article.
SEARCH_COLUMNS = ("search_vector", "search_head")

# What a link to a topic or a region shows: its name in each language, its address.
TAXONOMY_LINK_FIELDS = ("name", "slug", "translations")

# What a list and a citation show of an author.
LISTED_AUTHOR_FIELDS = ("name", "slug", "kind", "sort_name", "translations")
# What "About the authors" shows besides.
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
    """A Prefetch of an article's authors in order as `article.byline`: whole, or only the
    experts' `fields` (LISTED_AUTHOR_FIELDS with `listed`). `article_model` is Article."""
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


def documents_prefetch(article_model):
    """A Prefetch of `article.page_documents`, in order, as a list shows them (one query
    whatever their number). `article_model` is Article."""
    documents = article_model.documents.rel.related_model.objects.for_listing()
    return Prefetch("documents", queryset=documents, to_attr="page_documents")


def published_versions_prefetch(article_model):
    """A Prefetch of `article.translation_set.published_versions` (itself included);
    needs select_related("translation_set"). `article_model` is Article."""
    versions = article_model.objects.published().only("language", "slug", "translation_set")
    return Prefetch(
        "translation_set__articles",
        queryset=versions.order_by("language"),
        to_attr="published_versions",
    )
