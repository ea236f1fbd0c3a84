"""Proposed changes: a pending snapshot of an article its author may not change, for an
editor to publish or discard. See docs/editorial-workflow.md."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from articles import revisions
from articles.models import Article, ArticleRevision
from articles.page_cache import ArticleChange, changing_article
from articles.permissions import CHANGE_ARTICLE
from articles.services import can_publish, mark_reviewed, revision_user
from thinktank import cache_purges
from thinktank.concurrency import ConcurrentEditError, as_stored
from thinktank.permissions import refused, require
from thinktank.renditions import ensure_renditions
from thinktank.revisions import revision_note


def _as_stored(article, relations):
    """The snapshot of `article` as it would be saved, with `relations` ({name: value})
    in place of the stored ones."""
    for field in revisions.SCHEMA.fields():
        value = getattr(article, field.attname)
        if getattr(value, "_committed", True) is False:
            value.save(value.name, value.file, save=False)  # the upload, kept for the editor
            ensure_renditions(value, replace=True)
        else:
            setattr(article, field.attname, as_stored(field, value))
    return {**revisions.snapshot(article), **relations}


@transaction.atomic
@changing_article
def article_propose(article, *, user, relations=None, note=""):
    """Keep `article` as `user` edited it, with `relations`, as a pending proposed change,
    without writing the article; raises ConcurrentEditError for a stale copy."""
    require(user, CHANGE_ARTICLE)
    if article.pk is None:
        raise PermissionDenied(_("Only a saved article can have a proposed change."))
    stored = Article.objects.filter(pk=article.pk).values_list("version", flat=True).first()
    if stored != article.version:
        raise ConcurrentEditError(article)
    return ArticleRevision.objects.create(
        article_id=article.pk,
        user=revision_user(user),
        data=_as_stored(article, relations or {}),
        note=note[: ArticleRevision._meta.get_field("note").max_length],
        proposal=ArticleRevision.Proposal.PENDING,
    )


@transaction.atomic
def article_discard_proposal(proposal, *, user):
    """Set a pending proposed change aside: an editor's decision, or its author's."""
    if not (can_publish(user) or (user.is_authenticated and proposal.user_id == user.pk)):
        raise refused()
    with cache_purges.changes_of(ArticleChange, proposal.article):
        mark_reviewed(proposal, ArticleRevision.Proposal.DISCARDED, user=user)
    return proposal


def pending_proposals(article):
    """The article's proposed changes awaiting review, the newest first, with their authors."""
    return article.revisions.pending().select_related("user")


def article_propose_restore(article, revision, *, user, note=""):
    """Propose making `article` what it was at `revision` (see article_propose)."""
    if revision.article_id != article.pk:
        raise PermissionDenied(_("This revision belongs to another article."))
    revisions.SCHEMA.apply_fields(article, revision.data)
    relations = {
        relation.name: revision.data.get(relation.name, [])
        for relation in revisions.SCHEMA.relations
    }
    when = revision.created_at.strftime("%Y-%m-%d %H:%M")
    done = _("Proposed restoring the revision of %(when)s") % {"when": when}
    return article_propose(article, user=user, relations=relations, note=revision_note(done, note))
