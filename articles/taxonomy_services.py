"""Every write of topics and regions (their admin, merges, the demo loader): permission
checked, atomic; a changed or merged address answers 301 to the new one. See
docs/editorial-workflow.md ("Scheduling and addresses")."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from articles.models import Feature, Region, TaxonomyRedirect, Topic
from thinktank.permissions import model_permission, require


def _topic_or_region_field(topic_or_region):
    return "topic" if isinstance(topic_or_region, Topic) else "region"


def _redirect_topic_or_region(old_slug, topic_or_region):
    field = _topic_or_region_field(topic_or_region)
    TaxonomyRedirect.objects.update_or_create(
        old_slug=old_slug, defaults={"topic": None, "region": None, field: topic_or_region}
    )


@transaction.atomic
def topic_or_region_save(topic_or_region, *, user):
    """Save a topic or region; a changed slug leaves a 301 from the old address."""
    model = type(topic_or_region)
    require(user, model_permission("change" if topic_or_region.pk else "add", model))
    previous = model.objects.filter(pk=topic_or_region.pk).values_list("slug", flat=True).first()
    topic_or_region.save()
    if previous and previous != topic_or_region.slug:
        _redirect_topic_or_region(previous, topic_or_region)
    TaxonomyRedirect.objects.filter(old_slug=topic_or_region.slug).delete()
    return topic_or_region


@transaction.atomic
def topic_or_region_merge(survivor, others, *, user):
    """Merge topics (or regions) into `survivor`: what pointed to them moves to it, and
    their addresses answer 301 to it."""
    model = type(survivor)
    require(user, model_permission("delete", model))
    field = _topic_or_region_field(survivor)
    for other in others:
        if other.pk == survivor.pk:
            continue
        if type(other) is not model:
            raise PermissionDenied(_("Only topics with topics, or regions with regions."))
        if model is Region and survivor.pk in Region.objects.descendant_ids(other):
            raise PermissionDenied(
                _("A region cannot be merged into one of its own parts: merge the other way.")
            )
        survivor.articles.add(*other.articles.all())
        survivor.experts.add(*other.experts.all())  # their areas of expertise move too
        featured = set(survivor.features.values_list("article_id", flat=True))
        after = survivor.features.count()
        for offset, feature in enumerate(other.features.exclude(article_id__in=featured)):
            Feature.objects.filter(pk=feature.pk).update(
                **{field: survivor, "position": after + offset}
            )
        if model is Region:
            Region.objects.filter(parent=other).update(parent=survivor)
        TaxonomyRedirect.objects.filter(**{field: other}).update(**{field: survivor})
        old_slug = other.slug
        other.delete()
        _redirect_topic_or_region(old_slug, survivor)
    return survivor


@transaction.atomic
def topic_or_region_delete(topic_or_region, *, user):
    """Delete a topic or region; its old addresses go with it (merging keeps them)."""
    require(user, model_permission("delete", type(topic_or_region)))
    topic_or_region.delete()
