"""
One slug namespace under /policy-analysis/.

Articles, topics and regions share the URL prefix, so a slug names at most one of
them in a language. Topics and regions have a page in every language, so their
slug must be free in all of them; an article's must be free in its own language.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from taxonomy.models import Region, Topic
from thinktank.transliteration import slugify_title


def slug_owner(slug, *, article_model, language=None, instance=None):
    """
    The article, topic or region that already uses `slug`, other than `instance`.
    `article_model` is Article, passed in: articles.models.article imports this module.
    """
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


def free_slug(title, *, article_model, language=None, instance=None, max_length=255):
    """
    A slug for `title` (transliterated by the project's letter map) that is free in
    the namespace: "-2", "-3", ... is added when the plain one is taken.
    """
    base = slugify_title(title, max_length=max_length - 4) or "untitled"
    candidate, number = base, 1
    while (
        slug_owner(candidate, article_model=article_model, language=language, instance=instance)
        is not None
    ):
        number += 1
        candidate = f"{base}-{number}"
    return candidate
