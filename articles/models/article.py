"""The article: one piece of work in one language, with its own rules. The migrations
name `validate_time_zone` by this path."""

import functools
import zoneinfo

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from articles.slugs import free_slug, validate_slug_is_free
from experts.models import Expert
from taxonomy.models import Region, Topic
from thinktank.concurrency import VersionedModel
from thinktank.html import SanitizedHTMLField
from thinktank.languages import configured_languages
from thinktank.uploads import UploadedImageField

from .publishing import ArticleQuerySet, DisplayStatus, Status
from .taxonomy import PublicationType


class TranslationSet(models.Model):
    """The versions of one piece in different languages; each is a whole Article."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("translation set")
        verbose_name_plural = _("translation sets")

    def __str__(self):
        return _("Translation set %(id)s") % {"id": self.pk}


@functools.cache
def time_zone_names():
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value):
    if value and value not in time_zone_names():
        raise ValidationError(
            _("“%(value)s” is not a time zone name. Use a name such as America/New_York."),
            params={"value": value},
            code="invalid_time_zone",
        )


class Article(VersionedModel):
    Status = Status
    DisplayStatus = DisplayStatus

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        blank=True,
        help_text=_(
            "The last part of the article's address, after /policy-analysis/. Left empty, "
            "it is made from the title (Arabic and Persian letters written in Latin ones)."
        ),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=configured_languages,
        default=settings.LANGUAGE_CODE,
    )
    translation_set = models.ForeignKey(
        TranslationSet,
        verbose_name=_("translation set"),
        on_delete=models.PROTECT,
        blank=True,
        related_name="articles",
        help_text=_("Versions of the same piece in other languages share a translation set."),
    )
    publication_type = models.ForeignKey(
        PublicationType,
        verbose_name=_("publication type"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences; also the page's meta description.")
    )
    body = SanitizedHTMLField(_("body"), blank=True)
    footer_note = SanitizedHTMLField(
        _("footer note"),
        blank=True,
        help_text=_(
            "Shown after the body, e.g. the author's affiliation and original publication."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("Readers see a published article from this time on."),
    )
    authors = models.ManyToManyField(
        Expert,
        verbose_name=_("authors"),
        through="ArticleAuthor",
        related_name="articles",
        blank=True,
    )
    outlet_name = models.CharField(
        _("also published in"),
        max_length=200,
        blank=True,
        help_text=_("The outlet that published this piece first, e.g. 19FortyFive."),
    )
    outlet_url = models.URLField(_("original URL"), max_length=500, blank=True)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), related_name="articles", blank=True
    )
    regions = models.ManyToManyField(
        Region, verbose_name=_("regions and countries"), related_name="articles", blank=True
    )
    tags = TaggableManager(_("tags"), blank=True)
    # The library images the body's figures show, kept in step with the body by the
    # services (articles.services.record_body_images).
    images = models.ManyToManyField(
        "library.Image",
        verbose_name=_("images in the body"),
        through="ArticleImage",
        related_name="articles",
        blank=True,
        editable=False,
    )
    hero_image = UploadedImageField(
        _("hero image"),
        upload_to="articles/",
        blank=True,
        width_field="hero_image_width",
        height_field="hero_image_height",
    )
    hero_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_image_alt = models.CharField(
        _("hero image alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    hero_image_credit = models.CharField(_("hero image credit"), max_length=200, blank=True)
    event_start = models.DateTimeField(_("event start"), null=True, blank=True)
    event_time_zone = models.CharField(
        _("event time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("Where the event's time is given, e.g. America/New_York."),
    )
    event_end = models.DateTimeField(_("event end"), null=True, blank=True)
    event_location = models.CharField(
        _("event location"),
        max_length=300,
        blank=True,
        help_text=_("A place, or leave empty and tick “online”."),
    )
    event_is_online = models.BooleanField(_("online event"), default=False)
    translation_source = models.ForeignKey(
        "self",
        verbose_name=_("translated from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations_made",
        editable=False,
    )
    # The text a translator translates (revisions compare it line by line).
    TEXT_FIELDS = ("title", "summary", "body", "footer_note")
    # A source text changed after a translation's source_text_seen_at makes it stale.
    text_changed_at = models.DateTimeField(_("text changed"), null=True, blank=True, editable=False)
    source_text_seen_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Part of every shared preview link; a new value revokes the links given out.
    preview_secret = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # PostgreSQL's full-text index (docs/search.md); empty on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    search_head = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = [F("published_at").desc(nulls_last=True), "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("publish_article", _("Can publish, schedule, unpublish and archive articles")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "slug"], name="article_unique_slug_per_language"
            ),
            models.UniqueConstraint(
                fields=["translation_set", "language"],
                name="article_one_version_per_language",
                violation_error_message=_(
                    "This translation set already has a version in this language."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="article_published_has_date",
            ),
        ]
        # A list's filter and order in one index, so a page is read from it, not sorted.
        indexes = [
            models.Index(
                fields=["language", "status", "-published_at", "-id"],
                name="article_newest_in_language",
            ),
            models.Index(fields=["status", "-published_at", "-id"], name="article_newest"),
            # The next event to start (articles/page_cache.py): the few articles with a start.
            models.Index(
                fields=["event_start"],
                condition=Q(event_start__isnull=False),
                name="article_event_start",
            ),
            # The editorial dashboard's problems (articles/desk/problems.py): the few
            # articles that have one, found without reading the table.
            models.Index(
                fields=["-updated_at"], condition=Q(summary=""), name="article_without_summary"
            ),
            models.Index(
                fields=["-updated_at"],
                condition=~Q(hero_image="") & Q(hero_image_alt=""),
                name="article_hero_without_alt",
            ),
        ]

    def __str__(self):
        if self.title:
            return self.title
        return str(_("Untitled (%(language)s)") % {"language": self.get_language_display()})

    def date_if_published(self):
        """Publishing with no date means now: the form's check and every save say so."""
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()

    def default_slug(self):
        """The slug of an article given none: its title's, free in its language."""
        return free_slug(self.title, article_model=Article, language=self.language, instance=self)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.default_slug()
        self.date_if_published()
        if self.translation_set_id is None:
            self.translation_set = TranslationSet.objects.create()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        with translation.override(self.language):
            return reverse("articles:article-topic-or-region", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        self.date_if_published()
        if not self.slug and self.title:  # without a title the form asks for one
            self.slug = self.default_slug()
        errors = {}
        if self.slug:
            try:
                validate_slug_is_free(
                    self.slug, article_model=Article, language=self.language, instance=self
                )
            except ValidationError as error:
                errors.update(error.message_dict)
        errors.update(self.content_errors())
        if errors:
            raise ValidationError(errors)

    def content_errors(self):
        """{field: message} of what is wrong with the fields taken together, the slug
        aside (clean() checks it is free): no query beyond the publication type's."""
        errors = {}
        if self.hero_image and not self.hero_image_alt.strip():
            errors["hero_image_alt"] = _("Describe the hero image for readers who cannot see it.")
        if self.event_end and self.event_start and self.event_end < self.event_start:
            errors["event_end"] = _("The event cannot end before it starts.")
        if self.publication_type_id and self.publication_type.is_event:
            if not self.event_start:
                errors["event_start"] = _("An event needs a start time.")
            if not self.event_time_zone:
                errors["event_time_zone"] = _("An event needs the time zone its time is given in.")
            if not self.event_location.strip() and not self.event_is_online:
                errors["event_location"] = _("Give the event's location, or mark it as online.")
        return errors

    @property
    def is_translation_stale(self):
        """The source's text changed after this translation was last brought up to date.
        Needs `translation_source` (select_related) to avoid a query."""
        source = self.translation_source
        if source is None or source.text_changed_at is None:
            return False
        return self.source_text_seen_at is None or source.text_changed_at > self.source_text_seen_at

    @property
    def display_status(self):
        """Draft, in review, scheduled, published or archived."""
        if self.status == Status.PUBLISHED and self.published_at > timezone.now():
            return DisplayStatus.SCHEDULED
        return DisplayStatus(self.status)

    @property
    def event_start_local(self):
        """The start in the event's own time zone (as the reference shows it)."""
        if self.event_start is None:
            return None
        zone = self.event_time_zone or settings.TIME_ZONE
        return self.event_start.astimezone(zoneinfo.ZoneInfo(zone))
