"""Reads of topics and regions for their admin: what a merge would move, and what a topic
or region may be merged into. See docs/slugs-in-the-admin.md."""

from articles.models import Region, TaxonomyRedirect


def merge_summary(topic_or_region):
    """What merging `topic_or_region` into another moves there, a query each (flat
    however much there is): {"articles", "experts", "features", "parts" (a region's
    sub-regions), "addresses" (its own and its former ones, which will redirect)}."""
    is_region = isinstance(topic_or_region, Region)
    field = "region" if is_region else "topic"
    return {
        "articles": topic_or_region.articles.count(),
        "experts": topic_or_region.experts.count(),
        "features": topic_or_region.features.count(),
        "parts": topic_or_region.children.count() if is_region else 0,
        "addresses": 1 + TaxonomyRedirect.objects.filter(**{field: topic_or_region}).count(),
    }


def merge_candidates(topic_or_region, queryset):
    """The topics (or regions) of `queryset` that `topic_or_region` may be merged into:
    not itself, and for a region none of its own parts; by name, at most 20."""
    excluded = {topic_or_region.pk}
    if isinstance(topic_or_region, Region):
        excluded |= set(Region.objects.descendant_ids(topic_or_region))
    return list(queryset.exclude(pk__in=excluded).order_by("name")[:20])
