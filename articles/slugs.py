"""One slug namespace under /policy-analysis/: a topic's or region's slug is free in every
language, an article's in its own."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from taxonomy.models import Region, Topic
from thinktank.transliteration import slugify_title


def slug_owner(slug, *, article_model, language=None, instance=None):
    """The article, topic or region other than `instance` using `slug`, or None."""
    articles = article_model.objects.filter(slug=slug)
    if language is not None:
        articles = articles.filter(language=language)
    for queryset in (Topic.objects.filter(slug=slug), Region.objects.filter(slug=slug), articles):
        if instance is not None and instance.pk and queryset.model is type(instance):
            queryset = queryset.exclude(pk=instance.pk)
        owner = queryset.first()
        if owner is not None:
            return owner
    return None


def validate_slug_is_free(slug, *, article_model, language=None, instance=None):
    owner = slug_owner(slug, article_model=article_model, language=language, instance=instance)
    if owner is not None:
        raise ValidationError(
            {
                "slug": _(
                    "The address /policy-analysis/%(slug)s is already used by the %(kind)s "
                    "“%(name)s”. Choose another slug."
                )
                % {"slug": slug, "kind": owner._meta.verbose_name, "name": owner}
            },
            code="slug_taken",
        )


def free_slug(title, *, article_model, language=None, instance=None, max_length=255, taken=()):
    """A free slug for `title`, with "-2", "-3"... when the plain one is taken (in the
    database, or among `taken`: those claimed by rows not saved yet)."""
    base = slugify_title(title, max_length=max_length - 4) or "untitled"
    candidate, number = base, 1
    while (
        candidate in taken
        or slug_owner(candidate, article_model=article_model, language=language, instance=instance)
        is not None
    ):
        number += 1
        candidate = f"{base}-{number}"
    return candidate
