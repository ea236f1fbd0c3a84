"""The people behind the work: experts (fellows, staff, guest contributors) and programs."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thinktank.concurrency import VersionedModel
from thinktank.html import SanitizedHTMLField
from thinktank.revisions import Revision
from thinktank.text import default_sort_name, fold, sort_key
from thinktank.translation import TranslatableModel, translation_languages
from thinktank.uploads import UploadedImageField


class ProgramQuerySet(models.QuerySet):
    def for_listing(self):
        return self.order_by("position", "name")


class Program(TranslatableModel):
    """A research program, such as "Program on Great Power Competition and the Middle East"."""

    translatable_fields = ("name", "description")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Programs are listed in this order.")
    )

    objects = ProgramQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("experts:program", kwargs={"slug": self.slug})


def sort_key_expression(language):
    """The sort key in `language`, else in the source language (a language added later)."""
    return Coalesce(KT(f"sort_keys__{language}"), KT(f"sort_keys__{settings.LANGUAGE_CODE}"))


class ExpertQuerySet(models.QuerySet):
    def with_profile(self):
        """Experts who have a public profile page (guest contributors have none)."""
        return self.exclude(kind=Expert.Kind.GUEST)

    def active(self):
        return self.filter(is_active=True)

    def matching(self, query):
        """Experts whose name, in any language, holds every word of `query`, whatever
        its case, accents or Arabic spelling variants."""
        experts = self
        for word in fold(query).split()[:10]:
            experts = experts.filter(search_text__contains=word)
        return experts

    def sorted_by_name(self, language):
        """By sort name in `language`: "Abd Manaf" under A, "al-Omari" under O."""
        return self.order_by(sort_key_expression(language), "pk")

    def for_directory(self, language):
        return self.select_related("program").sorted_by_name(language)

    def for_profile(self):
        # Topics and regions sort by name, links by position: their models' ordering.
        return self.select_related("program").prefetch_related("topics", "regions", "links")

    def for_program_page(self, language):
        """In the program's own order, then by sort name in `language`."""
        return self.order_by("position", sort_key_expression(language), "pk")


class Expert(VersionedModel, TranslatableModel):
    translatable_fields = ("name", "sort_name", "role", "short_bio", "bio", "languages")

    class Kind(models.TextChoices):
        FELLOW = "fellow", _("Fellow")
        STAFF = "staff", _("Staff")
        GUEST = "guest", _("Guest contributor")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    sort_name = models.CharField(
        _("sort name"),
        max_length=200,
        blank=True,
        help_text=_(
            'How the name sorts in lists, e.g. "Borshchevskaya, Anna" or "Abd Manaf, Mushtaq". '
            'Left empty, the family name comes first; a leading "al-" is ignored in sorting.'
        ),
    )
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_('For example "Senior Fellow".')
    )
    short_bio = models.TextField(
        _("short bio"),
        blank=True,
        help_text=_("One or two sentences, shown under the expert's articles."),
    )
    bio = SanitizedHTMLField(_("full bio"), blank=True)
    photo = UploadedImageField(
        _("photo"),
        upload_to="experts/",
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
    )
    # Stored so pages know the photo's size (and so its renditions) without opening it.
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Where the face is, in percent of the width and height: square crops centre on it.
    photo_focal_x = models.PositiveSmallIntegerField(
        _("focal point, across (%)"), default=50, validators=[MaxValueValidator(100)]
    )
    photo_focal_y = models.PositiveSmallIntegerField(
        _("focal point, down (%)"), default=50, validators=[MaxValueValidator(100)]
    )
    program = models.ForeignKey(
        Program,
        verbose_name=_("program"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experts",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.FELLOW)
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Former experts stay on their bylines; their profile says they are former."),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Order on the program's page (lower first).")
    )
    topics = models.ManyToManyField(
        "taxonomy.Topic",
        verbose_name=_("topics of expertise"),
        related_name="experts",
        blank=True,
    )
    regions = models.ManyToManyField(
        "taxonomy.Region",
        verbose_name=_("regions and countries of expertise"),
        related_name="experts",
        blank=True,
    )
    languages = models.CharField(
        _("languages spoken"),
        max_length=200,
        blank=True,
        help_text=_("As readers should read it, e.g. “English, Russian, Arabic”."),
    )
    email = models.EmailField(_("public email"), blank=True)
    phone = models.CharField(_("public phone"), max_length=40, blank=True)
    # Derived on save, for the directory: the sort key in each language and the
    # names in every language, folded (thinktank.text) so matching ignores accents.
    sort_keys = models.JSONField(default=dict, editable=False)
    search_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ExpertQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.sort_name:
            self.sort_name = default_sort_name(self.name)
        self.sort_keys = self.derived_sort_keys()
        self.search_text = self.derived_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "sort_keys", "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("experts:detail", kwargs={"slug": self.slug})

    @property
    def has_profile(self):
        return self.kind != self.Kind.GUEST

    def derived_sort_keys(self):
        keys = {settings.LANGUAGE_CODE: sort_key(self.sort_name)}
        for language in translation_languages():
            values = (self.translations or {}).get(language) or {}
            if values.get("sort_name"):
                keys[language] = sort_key(values["sort_name"])
            elif values.get("name"):
                keys[language] = sort_key(default_sort_name(values["name"]))
            else:
                keys[language] = keys[settings.LANGUAGE_CODE]
        return keys

    def derived_search_text(self):
        names = [self.name, self.sort_name]
        for values in (self.translations or {}).values():
            if isinstance(values, dict):
                names += [values.get("name", ""), values.get("sort_name", "")]
        return " | ".join(dict.fromkeys(fold(name) for name in names if name))

    def sort_key_in(self, language):
        keys = self.sort_keys or {}
        return keys.get(language) or keys.get(settings.LANGUAGE_CODE) or ""


class ExpertLink(models.Model):
    """A public link of an expert's: a website or a social profile (schema.org sameAs)."""

    class Kind(models.TextChoices):
        WEBSITE = "website", _("Website")
        X = "x", _("X (Twitter)")
        LINKEDIN = "linkedin", _("LinkedIn")
        BLUESKY = "bluesky", _("Bluesky")
        MASTODON = "mastodon", _("Mastodon")
        SCHOLAR = "scholar", _("Google Scholar")
        ORCID = "orcid", _("ORCID")
        OTHER = "other", _("Other")

    expert = models.ForeignKey(
        Expert, verbose_name=_("expert"), on_delete=models.CASCADE, related_name="links"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.WEBSITE)
    url = models.URLField(_("address"), max_length=500)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("public link")
        verbose_name_plural = _("public links")

    def __str__(self):
        return self.get_kind_display()


class ExpertRevision(Revision):
    """A snapshot of an expert's profile at each save, for history, diff and restore."""

    expert = models.ForeignKey(
        Expert, verbose_name=_("expert"), on_delete=models.CASCADE, related_name="revisions"
    )

    class Meta(Revision.Meta):
        verbose_name = _("profile revision")
        verbose_name_plural = _("profile revisions")

    def __str__(self):
        return f"{self.expert} @ {self.created_at:%Y-%m-%d %H:%M}"
