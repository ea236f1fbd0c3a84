"""How work is classified by kind: publication types. Topics and regions are the taxonomy app's."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from thinktank.translation import TranslatableModel


class PublicationType(TranslatableModel):
    """An editable kind of publication: Policy Analysis, Brief Analysis, Op-Ed, Event, ..."""

    translatable_fields = ("name",)

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    is_event = models.BooleanField(
        _("is an event"),
        default=False,
        help_text=_("Publications of this type have a start time, a time zone and a place."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("publication type")
        verbose_name_plural = _("publication types")

    def __str__(self):
        return self.name
