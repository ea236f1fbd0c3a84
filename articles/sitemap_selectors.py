"""Reads of the sitemaps (articles/sitemaps.py): what is published, and when each page
last changed, in a query or two whatever the size of the archive."""

from django.db.models import Max

from articles.models import Article
from articles.models.publishing import published_condition, published_versions_prefetch
from experts.models import Expert, Program
from taxonomy.models import Region, RegionTree, Topic


def articles_for_sitemap(*, events=False):
    """Every published piece (or event), each with its published translations."""
    published = Article.objects.published()
    published = published.events() if events else published.excluding_events()
    return (
        published.select_related("translation_set")
        .prefetch_related(published_versions_prefetch(Article))
        .order_by("pk")
    )


def last_article_change(articles):
    """When the latest of `articles` last changed (None for none): one aggregate query."""
    return articles.aggregate(last=Max("updated_at"))["last"]


def topics_for_sitemap():
    """Topics with published work, each with `last_change`: when the latest of it changed."""
    return (
        Topic.objects.annotate(
            last_change=Max("articles__updated_at", filter=published_condition("articles__"))
        )
        .filter(last_change__isnull=False)
        .order_by("name", "pk")
    )


def regions_for_sitemap():
    """Regions with published work on them or nested regions, each with `last_change`."""
    links = Article.regions.through.objects.filter(published_condition("article__"))
    changed = dict(
        links.values("region_id")
        .annotate(last=Max("article__updated_at"))
        .values_list("region_id", "last")
    )
    regions = list(Region.objects.order_by("name", "pk"))
    tree = RegionTree.of(regions)
    last_change = {}
    for changed_id, when in changed.items():
        for region_id in {changed_id, *tree.ancestors(changed_id)}:
            if last_change.get(region_id) is None or when > last_change[region_id]:
                last_change[region_id] = when
    for region in regions:
        region.last_change = last_change.get(region.pk)
    return [region for region in regions if region.last_change is not None]


def experts_for_sitemap():
    """Every expert with a profile, each with `last_work`, when their work last changed."""
    return (
        Expert.objects.with_profile()
        .annotate(
            last_work=Max(
                "authorships__article__updated_at",
                filter=published_condition("authorships__article__"),
            )
        )
        .order_by("pk")
    )


def programs_for_sitemap():
    """Programs, each with when their experts and those experts' published work last changed."""
    return Program.objects.annotate(
        last_expert_change=Max("experts__updated_at"),
        last_work=Max(
            "experts__authorships__article__updated_at",
            filter=published_condition("experts__authorships__article__"),
        ),
    ).order_by("position", "name", "pk")
