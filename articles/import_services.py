"""The writes an import makes of an article beyond its fields (interchange/importer.py
calls them after services.article_save): its byline, topics, regions and tags, and its
place in a translation set. Permission checked, atomic; each records no revision of its
own (the importer records one per imported article)."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from articles.models import Article, ArticleAuthor
from articles.permissions import CHANGE_ARTICLE
from articles.services import is_reviewed
from thinktank.permissions import require


@transaction.atomic
def article_set_relations(article, *, authors, topic_ids, region_ids, tags, user):
    """Make `article`'s byline `authors` (expert ids, in order), its topics, regions and
    tags exactly these; an unchanged byline is not rewritten."""
    require(user, CHANGE_ARTICLE)
    if is_reviewed(article.status, user=user):
        raise PermissionDenied(_("Only an editor may change a published or archived article."))
    authors = list(dict.fromkeys(authors))
    current = list(
        article.authorships.order_by("position", "pk").values_list("expert_id", flat=True)
    )
    if current != authors:
        article.authorships.all().delete()
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(article=article, expert_id=expert_id, position=position)
            for position, expert_id in enumerate(authors)
        )
    article.topics.set(topic_ids)
    article.regions.set(region_ids)
    _set_tags(article, tags)
    return article


def _set_tags(article, names):
    """Tag `article` with `names` in a fixed number of queries (taggit's own set() takes
    a few per tag); a tag new to the site is made once, by taggit's own save."""
    by_folded = {}
    for name in names:
        if name.strip():
            by_folded.setdefault(name.strip()[:100].lower(), name.strip()[:100])
    through = Article.tags.through
    tag_model = through.tag_model()
    # Tags are case-insensitive here (TAGGIT_CASE_INSENSITIVE): "OPEC" is "opec".
    found = tag_model.objects.annotate(folded=Lower("name")).filter(
        Q(folded__in=list(by_folded)) | Q(name__in=list(by_folded.values()))
    )
    tags = {tag.name.lower(): tag for tag in found}
    for folded, name in by_folded.items():
        if folded not in tags:
            tags[folded] = tag_model.objects.create(name=name)
    names = list(by_folded)
    wanted = {tags[name].pk for name in names}
    items = through.objects.filter(
        content_type=ContentType.objects.get_for_model(Article), object_id=article.pk
    )
    current = set(items.values_list("tag_id", flat=True))
    if current - wanted:
        items.filter(tag_id__in=current - wanted).delete()
    through.objects.bulk_create(
        through(content_object=article, tag_id=tag_id) for tag_id in sorted(wanted - current)
    )


@transaction.atomic
def article_join_translation_set(article, translation_set_id, *, user):
    """Put `article` (not saved yet, or saved) in translation set `translation_set_id`;
    refused when the set has another version in the article's language."""
    require(user, CHANGE_ARTICLE)
    others = Article.objects.filter(
        translation_set_id=translation_set_id, language=article.language
    )
    if article.pk:
        others = others.exclude(pk=article.pk)
    if others.exists():
        raise PermissionDenied(_("This translation set already has a version in this language."))
    article.translation_set_id = translation_set_id
    return article
