"""Reads of experts and programs for the sitemap (articles.selectors holds the pages')."""

from django.db.models import Max

from articles.models.publishing import published_condition
from experts.models import Expert, Program


def experts_for_sitemap():
    """
    Every expert with a profile (former experts' pages stay), each with `last_work`:
    when the latest of their published work changed (their page lists it).
    """
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


def last_expert_change():
    return Expert.objects.with_profile().aggregate(last=Max("updated_at"))["last"]
