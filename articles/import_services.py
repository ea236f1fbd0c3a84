"""The writes an import makes of an article beyond its fields (interchange/importer.py
calls them after services.article_save): its byline, topics, regions and tags, and its
place in a translation set. Permission checked, atomic; each records no revision of its
own (the importer records one per imported article)."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import revisions
from articles.link_services import body_link_targets
from articles.links import with_references
from articles.models import (
    Article,
    ArticleAuthor,
    ArticleImage,
    ArticleLink,
    ArticleRedirect,
    ArticleRevision,
    Region,
    Topic,
    TranslationSet,
)
from articles.permissions import ADD_ARTICLE, CHANGE_ARTICLE, may_not_publish
from articles.search import index_articles
from articles.services import is_reviewed, may_set_status, revision_user
from articles.slugs import free_slug
from library.figures import figure_image_ids
from library.selectors import existing_image_ids
from thinktank.html import sanitize_html
from thinktank.permissions import require
from thinktank.renditions import ensure_renditions
from thinktank.transliteration import slugify_title


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


def _folded(names):
    """{folded name: name as given} of tag `names`, blanks left out. Tags are
    case-insensitive here (TAGGIT_CASE_INSENSITIVE): "OPEC" is "opec"."""
    by_folded = {}
    for name in names:
        if name.strip():
            by_folded.setdefault(name.strip()[:100].lower(), name.strip()[:100])
    return by_folded


def _tags_by_name(names):
    """{folded name: Tag} of tag `names`, in one query; a tag new to the site is made
    once, by taggit's own save (its slug)."""
    by_folded = _folded(names)
    tag_model = Article.tags.through.tag_model()
    found = tag_model.objects.annotate(folded=Lower("name")).filter(
        Q(folded__in=list(by_folded)) | Q(name__in=list(by_folded.values()))
    )
    tags = {tag.name.lower(): tag for tag in found}
    for folded, name in by_folded.items():
        if folded not in tags:
            tags[folded] = tag_model.objects.create(name=name)
    return tags


def _set_tags(article, names):
    """Tag `article` with `names` in a fixed number of queries (taggit's own set() takes
    a few per tag)."""
    tags = _tags_by_name(names)
    through = Article.tags.through
    wanted = {tag.pk for tag in tags.values()}
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


@dataclass
class NewArticle:
    """An article an import creates, unsaved, and what it is related to: expert ids in
    byline order, topic and region ids, tag names. Articles of one batch with the same
    `translation_group` and no translation set share a new set. `problem` is set when
    the article could not join its set (it has a set of its own then)."""

    article: Article
    authors: list = field(default_factory=list)
    topic_ids: list = field(default_factory=list)
    region_ids: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    translation_group: object = None
    problem: str = ""


@transaction.atomic
def articles_create(items, *, user, note=""):
    """Create the articles of `items` (NewArticle) in a fixed number of queries, as
    article_save and article_set_relations would one by one: slugs made free (in the
    database and in the batch), fields checked, relations, body images and links, one
    revision each, the search index. Raises ValidationError or PermissionDenied, and
    then nothing is created. New articles are linked to by nothing yet and have no PDF
    edition, so none is discarded."""
    require(user, ADD_ARTICLE)
    for status in {item.article.status for item in items}:
        if not may_set_status(user, Article.Status.DRAFT, status):
            raise PermissionDenied(may_not_publish())
    _join_translation_sets(items)
    _give_free_slugs([item.article for item in items])
    now = timezone.now()
    for item in items:
        article = item.article
        article.date_if_published()
        article.text_changed_at = now
        article.body = with_references(article.body)
        article.clean_fields(exclude=RELATIONS)  # clean() would look up the slug again
        errors = article.content_errors()
        if errors:
            raise ValidationError(errors)
    Article.objects.bulk_create([item.article for item in items])
    tags = _tags_by_name([name for item in items for name in item.tags])  # the first spelling
    _create_relations(items, tags)
    _record_bodies([item.article for item in items])
    heroes = {item.article.hero_image.name: item.article.hero_image for item in items}
    for hero in heroes.values():
        if hero:
            ensure_renditions(hero)  # a library image's: its sizes are there already
    ArticleRevision.objects.bulk_create(
        ArticleRevision(
            article=item.article,
            user=revision_user(user),
            note=note,
            data=revisions.snapshot(
                item.article,
                known={
                    "authors": list(dict.fromkeys(item.authors)),
                    "topics": sorted(set(item.topic_ids)),
                    "regions": sorted(set(item.region_ids)),
                    "recommendations": [],
                    "tags": sorted({tags[folded].name for folded in _folded(item.tags)}),
                },
            ),
        )
        for item in items
    )
    # A byline's bulk_create indexes its articles (ArticleAuthorQuerySet); the rest here.
    index_articles([item.article.pk for item in items if not item.authors])
    return [item.article for item in items]


@transaction.atomic
def articles_set_bodies(bodies, *, user):
    """Give each article of `bodies` ({article: body}), created by articles_create in
    this transaction, that body, as article_save would (references, figures' images,
    internal links, the index) and in its revision: for articles of one batch that
    link to one another, once all are in."""
    require(user, CHANGE_ARTICLE)
    if any(is_reviewed(article.status, user=user) for article in bodies):
        raise PermissionDenied(_("Only an editor may change a published or archived article."))
    for article, body in bodies.items():
        article.body = sanitize_html(with_references(body))
    articles = list(bodies)
    Article.objects.bulk_update(articles, ["body"])  # its update() re-indexes them
    ArticleImage.objects.filter(article__in=articles).delete()
    ArticleLink.objects.filter(article__in=articles).delete()
    _record_bodies(articles)
    bodies_of = {article.pk: article.body for article in articles}
    kept = list(ArticleRevision.objects.filter(article__in=articles))
    for revision in kept:
        revision.data = {**revision.data, "body": bodies_of[revision.article_id]}
    ArticleRevision.objects.bulk_update(kept, ["data"])


# Each foreign key checked by full_clean is a query: the database checks them instead.
RELATIONS = [field.name for field in Article._meta.concrete_fields if field.is_relation]


def _join_translation_sets(items):
    """Give each item's article its translation set: the one it names, if that set
    still exists and has no version in its language yet; else a new set, shared by the
    batch's items of one translation group (one version a language). Two queries and
    one insert for the batch."""
    named = {item.article.translation_set_id for item in items} - {None}
    existing = set(TranslationSet.objects.filter(pk__in=named).values_list("pk", flat=True))
    taken = set(  # (set, language) of the versions there
        Article.objects.filter(translation_set_id__in=existing).values_list(
            "translation_set_id", "language"
        )
    )
    new_sets = {}  # where a new set goes (a group's versions, or one alone) -> its articles
    for item in items:
        article = item.article
        if article.translation_set_id not in existing:
            article.translation_set_id = None
        group = None if item.translation_group is None else ("group", item.translation_group)
        place = article.translation_set_id or group
        if place is not None and (place, article.language) in taken:
            item.problem = _("This translation set already has a version in this language.")
            place = None
        if place is None:
            article.translation_set_id, place = None, ("alone", id(item))
        taken.add((place, article.language))
        if article.translation_set_id is None:
            new_sets.setdefault(place, []).append(article)
    made = TranslationSet.objects.bulk_create(TranslationSet() for _place in new_sets)
    for translation_set, articles in zip(made, new_sets.values(), strict=True):
        for article in articles:
            article.translation_set = translation_set


def _give_free_slugs(articles):
    """Give each of `articles` its slug (or its title's) if free in the site and in the
    batch, else one made free: three queries for the batch, more only for those taken."""
    wanted = {
        id(a): a.slug or slugify_title(a.title, max_length=251) or "untitled" for a in articles
    }
    slugs = set(wanted.values())
    shared = set(Topic.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    shared |= set(Region.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    taken = set(Article.objects.filter(slug__in=slugs).values_list("language", "slug"))
    claimed = {}  # language -> slugs given in this batch
    for article in articles:
        slug, mine = wanted[id(article)], claimed.setdefault(article.language, set())
        if slug in shared or slug in mine or (article.language, slug) in taken:
            slug = free_slug(slug, article_model=Article, language=article.language, taken=mine)
        article.slug = slug
        mine.add(slug)


def _create_relations(items, tags):
    """The batch's topics, regions and tags, then bylines (whose insert re-indexes the
    articles, with their topics and regions in place)."""
    for relation, name in (("topics", "topic_ids"), ("regions", "region_ids")):
        through = getattr(Article, relation).through
        source, target = _through_columns(through, getattr(Article, relation).field.related_model)
        through.objects.bulk_create(
            through(**{source: item.article.pk, target: pk})
            for item in items
            for pk in sorted(set(getattr(item, name)))
        )
    tagged = Article.tags.through
    content_type = ContentType.objects.get_for_model(Article)
    tagged.objects.bulk_create(
        tagged(content_type=content_type, object_id=item.article.pk, tag_id=tag_id)
        for item in items
        for tag_id in sorted({tags[folded].pk for folded in _folded(item.tags)})
    )
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=item.article, expert_id=expert_id, position=position)
        for item in items
        for position, expert_id in enumerate(dict.fromkeys(item.authors))
    )


def _through_columns(through, target_model):
    """(the article's column, the target's column) of a many-to-many's through model."""
    columns = {
        field.related_model: field.attname
        for field in through._meta.concrete_fields
        if field.is_relation
    }
    return columns[Article], columns[target_model]


def _record_bodies(articles):
    """What article_save records of a body, for new articles: its figures' images, its
    internal links, and no redirect left on its address."""
    figures = {article.pk: figure_image_ids(article.body) for article in articles}
    existing = existing_image_ids(set().union(*figures.values()))
    ArticleImage.objects.bulk_create(
        ArticleImage(article_id=pk, image_id=image_id)
        for pk, ids in figures.items()
        for image_id in sorted(set(ids) & existing)
    )
    ArticleLink.objects.bulk_create(
        ArticleLink(article=article, kind=kind, target_id=target_id)
        for article in articles
        for kind, target_id in sorted(body_link_targets(article.body))
    )
    addresses = {(article.language, article.slug) for article in articles}
    redirects = ArticleRedirect.objects.filter(old_slug__in={slug for _l, slug in addresses})
    stale = [
        pk
        for pk, *address in redirects.values_list("pk", "language", "old_slug")
        if tuple(address) in addresses
    ]
    if stale:
        ArticleRedirect.objects.filter(pk__in=stale).delete()
