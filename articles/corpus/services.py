"""
Every write of the corpus generator, in bulk for speed: bulk_create calls no save() and
sends no signal, so the generator derives what save() would (sort keys, search text)
and indexes the new articles itself. Exempt from the permission checks of the apps'
services: `manage.py generate_corpus` runs with no user, as the operator.
"""

from django.db import models

from articles.models import Article, ArticleAuthor, PublicationType, Recommendation, TranslationSet
from experts.models import Expert, Program
from taxonomy.models import Region, Topic

ROWS_PER_INSERT = 2000


def _plain(model):
    """The model's rows without its manager's side effects (bulk re-indexing)."""
    return models.QuerySet(model)


def ensure_taxonomy(publication_types, programs, topics, regions):
    """
    The corpus' publication types, programs, topics and regions, created if missing
    (reused if present): (types with their weights, programs, topics, regions).
    """
    types = []
    for position, (slug, name, is_event, weight) in enumerate(publication_types):
        kind, _created = PublicationType.objects.get_or_create(
            slug=slug, defaults={"name": name, "is_event": is_event, "position": position}
        )
        types.append((kind, weight))
    saved_programs = [
        Program.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in programs
    ]
    saved_topics = [
        Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "translations": {"ar": {"name": arabic}}}
        )[0]
        for slug, name, arabic in topics
    ]
    saved_regions = {}
    for slug, name, arabic, parent in regions:
        saved_regions[slug] = Region.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "translations": {"ar": {"name": arabic}},
                "parent": saved_regions.get(parent),
            },
        )[0]
    return types, saved_programs, saved_topics, list(saved_regions.values())


def insert_experts(experts):
    """Insert new experts, whose derived fields the caller has set; the saved experts."""
    return Expert.objects.bulk_create(experts, batch_size=ROWS_PER_INSERT)


def insert_translation_sets(count):
    """`count` new, empty translation sets."""
    return TranslationSet.objects.bulk_create([TranslationSet() for _ in range(count)])


def insert_articles(articles):
    """Insert new articles (not indexed for search: the caller indexes them)."""
    return Article.objects.bulk_create(articles, batch_size=500)


def insert_links(authorships, topic_links, region_links, recommendations):
    """Insert the articles' bylines, topics, regions and recommendations, re-indexing none."""
    _plain(ArticleAuthor).bulk_create(authorships, batch_size=ROWS_PER_INSERT)
    _plain(Article.topics.through).bulk_create(topic_links, batch_size=ROWS_PER_INSERT)
    _plain(Article.regions.through).bulk_create(region_links, batch_size=ROWS_PER_INSERT)
    _plain(Recommendation).bulk_create(recommendations, batch_size=ROWS_PER_INSERT)
