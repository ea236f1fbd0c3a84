"""
Every write of an article's translations: a new version added to its translation set,
empty beside its source's text (docs/multilingual.md), a translation marked up to date
with its source, and articles linked as translations of one another or unlinked (a new
article starts a set of its own; docs/admin-choosers.md). Permission checked, atomic.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article, ArticleAuthor, TranslationSet
from articles.page_cache import ArticleChange
from articles.permissions import ADD_ARTICLE, CHANGE_ARTICLE
from articles.services import (
    REVIEWED_STATUSES,
    article_record_revision,
    article_save,
    can_publish,
    discard_empty_translation_set,
)
from articles.slugs import free_slug
from thinktank import cache_purges
from thinktank.permissions import require

# --- new versions ------------------------------------------------------------------------


# What a new translation takes over from its source: everything but the text a
# translator writes (TRANSLATED_FIELDS, which start empty; see docs/multilingual.md).
CARRIED_FIELDS = (
    "publication_type_id",
    "event_start",
    "event_time_zone",
    "event_end",
    "event_location",
    "event_is_online",
    "outlet_url",
)
TRANSLATED_FIELDS = (
    *Article.TEXT_FIELDS,
    "outlet_name",
    "hero_image_alt",
    "hero_image_credit",
)


@transaction.atomic
def article_add_translation(source, language, *, user):
    """A new draft in `language` in the source's translation set: its text (title,
    summary, body, footer note, outlet name, hero alt text and credit) empty for a
    translator to write beside the source's, everything else (type, authors, topics,
    regions, hero image, event) carried over; PermissionDenied if that language exists."""
    require(user, ADD_ARTICLE)
    if source.translation_set.articles.filter(language=language).exists():
        raise PermissionDenied(_("This piece already has a version in that language."))
    translation = Article(
        language=language,
        # The source's address until the translator gives a title: the form then makes
        # one from it (articles/admin/translating.py).
        slug=free_slug(source.slug, article_model=Article, language=language),
        translation_set=source.translation_set,
        translation_source=source,
        source_text_seen_at=source.text_changed_at or timezone.now(),
        status=Article.Status.DRAFT,
        hero_image=source.hero_image.name,
        **{name: getattr(source, name) for name in CARRIED_FIELDS},
    )
    # A draft: its rows, links included, change nothing public (articles.page_cache).
    with cache_purges.changes_of(ArticleChange, translation):
        article_save(translation, user=user)
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(article=translation, expert_id=link.expert_id, position=link.position)
            for link in source.authorships.all()
        )
        translation.topics.set(source.topics.all())
        translation.regions.set(source.regions.all())
        article_record_revision(translation, user=user, note=_("Translation started"))
    return translation


def is_untitled_translation(article):
    """A translation made by article_add_translation whose title is still to be written."""
    return article.translation_source_id is not None and not article.title.strip()


@transaction.atomic
def article_mark_translation_current(article, *, user):
    """A translator has brought this translation up to date with its source."""
    require(user, CHANGE_ARTICLE)
    if article.translation_source is None:
        return article
    article.source_text_seen_at = article.translation_source.text_changed_at or timezone.now()
    article.save(update_fields=["source_text_seen_at"])
    return article


# --- linking and unlinking ---------------------------------------------------------------


def _versions(translation_set_id):
    return list(Article.objects.select_for_update().filter(translation_set_id=translation_set_id))


def _is_reviewed(articles, user):
    return not can_publish(user) and any(
        article.status in REVIEWED_STATUSES for article in articles
    )


def _move(articles, translation_set_id, *, user, note):
    """Put `articles` in the set `translation_set_id`, each saved and recorded."""
    for article in articles:
        article.translation_set_id = translation_set_id
        article.save()
        article_record_revision(article, user=user, note=note)


@transaction.atomic
def article_link_translation(article, other, *, user):
    """Make `article` and `other` versions of one piece: their translation sets become
    one (the whole set of each, so no version is left behind). Refused when both sets
    have a version in the same language, and, for someone who may not publish, when a
    published or archived article would have to move. Returns the set they share."""
    require(user, CHANGE_ARTICLE)
    if article.pk == other.pk:
        raise PermissionDenied(_("An article cannot be its own translation."))
    ours = _versions(article.translation_set_id)
    theirs = _versions(other.translation_set_id)
    if article.translation_set_id == other.translation_set_id:
        raise PermissionDenied(_("These articles are already translations of each other."))
    shared = sorted(
        {version.get_language_display() for version in ours}
        & {version.get_language_display() for version in theirs}
    )
    if shared:
        raise PermissionDenied(
            _(
                "Both already have a version in %(languages)s: a piece has one article "
                "per language. Unlink one of them first."
            )
            % {"languages": ", ".join(shared)}
        )
    # The smaller set joins the larger; someone who may not publish moves only drafts.
    moving, staying = (theirs, ours) if len(theirs) <= len(ours) else (ours, theirs)
    if _is_reviewed(moving, user):
        moving, staying = staying, moving
    if _is_reviewed(moving, user):
        raise PermissionDenied(
            _("Only an editor may link published or archived articles to one another.")
        )
    target = staying[0].translation_set_id
    left = moving[0].translation_set_id
    note = _("Linked as a translation of “%(title)s”") % {"title": staying[0].title}
    _move(moving, target, user=user, note=note)
    discard_empty_translation_set(left)
    article.refresh_from_db(fields=["translation_set", "version"])
    other.refresh_from_db(fields=["translation_set", "version"])
    return TranslationSet.objects.get(pk=target)


@transaction.atomic
def article_unlink_translation(article, *, user):
    """Take `article` out of its translation set into a set of its own; it is no longer
    anyone's source, nor has one. Refused for someone who may not publish when it is
    published or archived. Returns its new set."""
    require(user, CHANGE_ARTICLE)
    versions = _versions(article.translation_set_id)
    if len(versions) < 2:
        raise PermissionDenied(_("This article has no other language version to unlink from."))
    current = next(version for version in versions if version.pk == article.pk)
    if _is_reviewed([current], user):
        raise PermissionDenied(
            _("Only an editor may unlink a published or archived article from its translations.")
        )
    new_set = TranslationSet.objects.create()
    current.translation_source = None
    _move([current], new_set.pk, user=user, note=_("Unlinked from its translations"))
    # What was translated from it keeps its text, without a source to be stale against.
    Article.objects.filter(translation_source=current).update(translation_source=None)
    article.refresh_from_db(fields=["translation_set", "translation_source", "version"])
    return new_set
