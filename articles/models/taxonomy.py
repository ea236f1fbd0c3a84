"""How work is classified: publication types, topics, and nested regions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from articles.slugs import validate_slug_is_free
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


class LandingPage(TranslatableModel):
    """A topic or a region: it has a landing page at /policy-analysis/<slug>."""

    translatable_fields = ("name", "description")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:entry", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.slug:
            validate_slug_is_free(self.slug, instance=self)


class Topic(LandingPage):
    class Meta(LandingPage.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class RegionQuerySet(models.QuerySet):
    def tree(self):
        """{region id: parent id} for every region: regions are few, so one query serves."""
        return dict(self.values_list("id", "parent_id"))

    def descendant_ids(self, region):
        """The ids of `region` and every region nested under it, at any depth."""
        return nested_region_ids(region.pk, self.tree())


def nested_region_ids(region_id, tree):
    """
    The ids of region `region_id` and every region nested under it, at any depth, from
    `tree` ({region id: parent id}, every region's: RegionQuerySet.tree()).
    """
    children = {}
    for child_id, parent_id in tree.items():
        children.setdefault(parent_id, []).append(child_id)
    found, stack = {region_id}, [region_id]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:  # a loop saved around clean() must not hang a page
                found.add(child)
                stack.append(child)
    return sorted(found)


class Region(LandingPage):
    """A region or country. Regions nest: Middle East > Levant > Israel."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    objects = RegionQuerySet.as_manager()

    class Meta(LandingPage.Meta):
        verbose_name = _("region or country")
        verbose_name_plural = _("regions and countries")

    def clean(self):
        super().clean()
        if self.pk and self.parent_id:
            tree = Region.objects.tree()
            ancestor = self.parent_id
            while ancestor is not None:
                if ancestor == self.pk:
                    raise ValidationError(
                        {"parent": _("A region cannot be placed inside itself or its own parts.")}
                    )
                ancestor = tree.get(ancestor)

    def ancestors(self, regions_by_id):
        """This region's ancestors, outermost first, looked up in an {id: Region} map."""
        chain, current = [], regions_by_id.get(self.parent_id)
        while current is not None and current not in chain:
            chain.append(current)
            current = regions_by_id.get(current.parent_id)
        return list(reversed(chain))


class LandingRedirect(models.Model):
    """A former topic or region address, kept after a merge or a slug change (301)."""

    old_slug = models.SlugField(_("old slug"), max_length=200, unique=True)
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.CASCADE, null=True, blank=True
    )
    region = models.ForeignKey(
        Region, verbose_name=_("region or country"), on_delete=models.CASCADE, null=True, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("old topic or region address")
        verbose_name_plural = _("old topic and region addresses")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(topic__isnull=True) ^ models.Q(region__isnull=True),
                name="landing_redirect_has_one_target",
            )
        ]

    def __str__(self):
        return self.old_slug

    @property
    def target(self):
        return self.topic or self.region
