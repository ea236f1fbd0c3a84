"""The people behind the work: experts (fellows, staff, guest contributors) and programs."""

from django.core.validators import FileExtensionValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thinktank.html import SanitizedHTMLField
from thinktank.images import IMAGE_EXTENSIONS, validate_image_upload
from thinktank.translation import TranslatableModel


class Program(TranslatableModel):
    """A research program, such as "Program on Great Power Competition and the Middle East"."""

    translatable_fields = ("name", "description")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")

    def __str__(self):
        return self.name


class ExpertQuerySet(models.QuerySet):
    def with_profile(self):
        """Experts who have a public profile page (guest contributors have none)."""
        return self.exclude(kind=Expert.Kind.GUEST)

    def active(self):
        return self.filter(is_active=True)


class Expert(TranslatableModel):
    translatable_fields = ("name", "role", "short_bio", "bio")

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
            "Left empty, the last word of the name comes first."
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
    photo = models.ImageField(
        _("photo"),
        upload_to="experts/",
        max_length=255,
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
        validators=[FileExtensionValidator(IMAGE_EXTENSIONS), validate_image_upload],
    )
    # Stored so pages know the photo's size (and so its renditions) without opening it.
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
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
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("experts:detail", kwargs={"slug": self.slug})

    @property
    def has_profile(self):
        return self.kind != self.Kind.GUEST


def default_sort_name(name):
    """ "Anna Borshchevskaya" -> "Borshchevskaya, Anna"."""
    first, _sep, last = name.strip().rpartition(" ")
    return f"{last}, {first}" if first else last
