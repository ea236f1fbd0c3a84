"""Topics, regions (a tree) and their former addresses; imports neither articles nor experts."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from taxonomy.slugs import check_slug
from thinktank.translation import TranslatableModel


class TopicOrRegion(TranslatableModel):
    """A topic or a region: it has a page at /policy-analysis/<slug>."""

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
        return reverse(settings.TAXONOMY_PAGE_URL_NAME, kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.slug:
            check_slug(self.slug, instance=self)


class Topic(TopicOrRegion):
    class Meta(TopicOrRegion.Meta):
        db_table = "articles_topic"  # the table made before the move
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class RegionTree:
    """Regions as a tree, from (id, parent id) pairs; a saved loop never hangs a walk."""

    def __init__(self, pairs):
        self.parents = dict(pairs)
        self.children = {}
        for region_id, parent_id in self.parents.items():
            self.children.setdefault(parent_id, []).append(region_id)

    @classmethod
    def of(cls, regions):
        """The tree of `regions` (instances, read with their parent's id)."""
        return cls((region.pk, region.parent_id) for region in regions)

    def nested_ids(self, region_id):
        """The sorted ids of `region_id` and every region nested under it."""
        found, stack = {region_id}, [region_id]
        while stack:
            for child in self.children.get(stack.pop(), []):
                if child not in found:
                    found.add(child)
                    stack.append(child)
        return sorted(found)

    def ancestors(self, region_id):
        """The ids of the regions above `region_id` in the tree, outermost first, each once."""
        chain, current = [], self.parents.get(region_id)
        while current in self.parents and current not in chain:
            chain.append(current)
            current = self.parents[current]
        return chain[::-1]

    def would_cycle(self, region_id, parent_id):
        """Whether `parent_id` is `region_id` or nested under it: it cannot be its parent."""
        return parent_id == region_id or region_id in self.ancestors(parent_id)

    def walk(self, key=None):
        """(region id, depth), depth-first from the roots, siblings sorted by `key(id)`;
        regions in a loop are left out."""
        seen = set()

        def down(region_ids, depth):
            for region_id in sorted(region_ids, key=key) if key else region_ids:
                if region_id not in seen:
                    seen.add(region_id)
                    yield region_id, depth
                    yield from down(self.children.get(region_id, []), depth + 1)

        roots = [pk for pk, parent_id in self.parents.items() if parent_id not in self.parents]
        yield from down(roots, 0)


class RegionQuerySet(models.QuerySet):
    def tree(self):
        """The RegionTree of these regions: regions are few, so one query serves."""
        return RegionTree(self.values_list("id", "parent_id"))

    def descendant_ids(self, region):
        """The ids of `region` and every region nested under it, at any depth."""
        return self.tree().nested_ids(region.pk)


class Region(TopicOrRegion):
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

    class Meta(TopicOrRegion.Meta):
        db_table = "articles_region"
        verbose_name = _("region or country")
        verbose_name_plural = _("regions and countries")

    def clean(self):
        super().clean()
        nested = self.pk and self.parent_id
        if nested and Region.objects.tree().would_cycle(self.pk, self.parent_id):
            raise ValidationError(
                {"parent": _("A region cannot be placed inside itself or its own parts.")}
            )


class TaxonomyRedirect(models.Model):
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
        db_table = "articles_landingredirect"
        verbose_name = _("old topic or region address")
        verbose_name_plural = _("old topic and region addresses")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(topic__isnull=True) ^ models.Q(region__isnull=True),
                name="taxonomy_redirect_has_one_target",
            )
        ]

    def __str__(self):
        return self.old_slug

    @property
    def target(self):
        return self.topic or self.region
