"""The image library: images an editor uploads once and shows in any article's body."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager

from thinktank.renditions import CENTRE
from thinktank.translation import TranslatableModel
from thinktank.uploads import UploadedImageField


class ImageQuerySet(models.QuerySet):
    def for_figures(self):
        """What a figure shows of an image, and nothing else (no tags, no user)."""
        return self.only(
            "file", "width", "height", "title", "alt_text", "caption", "credit", "translations"
        )


class Image(TranslatableModel):
    """An uploaded image with what a page needs to show it: alt text, caption and credit
    (the first two per language), and the focal point the admin's square thumbnails
    centre on (figures show the whole image)."""

    class Orientation(models.TextChoices):
        LANDSCAPE = "landscape", _("Landscape")
        PORTRAIT = "portrait", _("Portrait")
        SQUARE = "square", _("Square")

    translatable_fields = ("title", "alt_text", "caption")

    file = UploadedImageField(
        _("image file"), upload_to="library/", width_field="width", height_field="height"
    )
    # Stored so pages know the image's size (and its renditions) without opening it.
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    title = models.CharField(
        _("title"), max_length=200, help_text=_("To find the image in the library.")
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=500,
        help_text=_(
            "What the image shows, for readers who cannot see it (a chart: its main finding)."
        ),
    )
    caption = models.TextField(
        _("caption"),
        blank=True,
        help_text=_("Shown under the image unless the article gives its own caption."),
    )
    credit = models.CharField(
        _("credit"), max_length=200, blank=True, help_text=_("For example “Photo: Reuters”.")
    )
    # In percent across and down: the admin's square thumbnails centre on it.
    focal_x = models.PositiveSmallIntegerField(
        _("focal point, across (%)"), default=CENTRE, validators=[MaxValueValidator(100)]
    )
    focal_y = models.PositiveSmallIntegerField(
        _("focal point, down (%)"), default=CENTRE, validators=[MaxValueValidator(100)]
    )
    tags = TaggableManager(_("tags"), blank=True)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.title

    @property
    def orientation(self):
        if not self.width or not self.height:
            return None
        if self.width == self.height:
            return self.Orientation.SQUARE
        return self.Orientation.LANDSCAPE if self.width > self.height else self.Orientation.PORTRAIT
