"""Every write of the editorial workflow: permission checked, atomic, version-checked.
A published or archived article changes only by an editor. See docs/editorial-workflow.md."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import notifications, pdf_edition, preview, revisions, workflow_selectors
from articles.link_services import record_body_links
from articles.links import with_references
from articles.models import (
    Article,
    ArticleImage,
    ArticleRedirect,
    ArticleRevision,
    TranslationSet,
)
from articles.page_cache import changing_article
from articles.permissions import ADD_ARTICLE, CHANGE_ARTICLE, PUBLISH_ARTICLE, may_not_publish
from library.figures import figure_image_ids
from library.selectors import existing_image_ids
from thinktank.concurrency import as_stored
from thinktank.permissions import model_permission, require
from thinktank.private_files import remove_after_commit
from thinktank.renditions import ensure_renditions
from thinktank.revisions import revision_note


def discard_pdf_editions(article):
    """Once the transaction commits, remove the article's kept PDF editions: they show
    what it was (articles/pdf_edition.py); a request for the published one makes it anew."""
    article_pk = article.pk
    transaction.on_commit(lambda: pdf_edition.discard_editions(article_pk))


def can_publish(user):
    return user.has_perm(PUBLISH_ARTICLE)


REVIEWED_STATUSES = (Article.Status.PUBLISHED, Article.Status.ARCHIVED)


class ReviewRequired(PermissionDenied):
    """The article is public and the user may not publish: propose the change instead."""

    def __init__(self):
        super().__init__(
            _(
                "This article is published or archived: only an editor may change it. "
                "Propose your change for an editor to review."
            )
        )


def needs_review(article, *, user):
    """Whether `user`'s change of `article` (as stored) must be proposed, not saved."""
    if article.pk is None or can_publish(user):
        return False
    stored = Article.objects.filter(pk=article.pk).values_list("status", flat=True).first()
    return is_reviewed(stored, user=user)


def is_reviewed(status, *, user):
    """Whether an article in `status` is one `user` may only propose changes to."""
    return status in REVIEWED_STATUSES and not can_publish(user)


@transaction.atomic
@changing_article
def article_save(article, *, user):
    """Save an edited or new article; a changed address leaves a 301 from the old one.
    Raises ReviewRequired or PermissionDenied."""
    previous = None
    if article.pk:
        require(user, CHANGE_ARTICLE)
        previous = (
            Article.objects.filter(pk=article.pk)
            .values("status", "language", "slug", *Article.TEXT_FIELDS)
            .first()
        )
    else:
        require(user, ADD_ARTICLE)
    was = previous["status"] if previous else Article.Status.DRAFT
    if is_reviewed(was, user=user):
        raise ReviewRequired
    if not may_set_status(user, was, article.status):  # a status set by a caller, not a step
        raise PermissionDenied(may_not_publish())
    if previous is None or any(
        as_stored(Article._meta.get_field(name), getattr(article, name)) != previous[name]
        for name in Article.TEXT_FIELDS
    ):
        article.text_changed_at = timezone.now()
    uploaded = not getattr(article.hero_image, "_committed", True)  # a new file in this save
    # This site's own addresses pasted into the body follow their target from now on.
    article.body = with_references(article.body)
    article.save()
    ensure_renditions(article.hero_image, replace=uploaded)  # sizes for pages, made now
    if previous and (previous["language"], previous["slug"]) != (article.language, article.slug):
        ArticleRedirect.objects.update_or_create(
            language=previous["language"], old_slug=previous["slug"], defaults={"article": article}
        )
    ArticleRedirect.objects.filter(language=article.language, old_slug=article.slug).delete()
    record_body_images(article)
    record_body_links(article)
    discard_pdf_editions(article)
    return article


def record_body_images(article):
    """Keep `article.images` what its body's figures show (those that exist): the
    library's usage, and what stops an image in use from being deleted. Called by the
    services that write a body, inside their transaction."""
    wanted = existing_image_ids(figure_image_ids(article.body))
    recorded = set(article.figure_images.values_list("image_id", flat=True))
    if wanted == recorded:
        return
    article.figure_images.filter(image_id__in=recorded - wanted).delete()
    ArticleImage.objects.bulk_create(
        (
            ArticleImage(article=article, image_id=image_id)
            for image_id in sorted(wanted - recorded)
        ),
        ignore_conflicts=True,  # a concurrent save recorded it too
    )


@transaction.atomic
def article_delete(article, *, user):
    """Delete an article and its history (articles are archived instead: superusers only);
    its translation set too when it was the set's last version."""
    require(user, model_permission("delete", Article))
    files = list(article.documents.values_list("file", flat=True))
    discard_pdf_editions(article)
    translation_set_id = article.translation_set_id
    article.delete()
    discard_empty_translation_set(translation_set_id)
    remove_after_commit(files)


def discard_empty_translation_set(translation_set_id):
    """Delete the translation set `translation_set_id` if no article is in it any more."""
    if not Article.objects.filter(translation_set_id=translation_set_id).exists():
        TranslationSet.objects.filter(pk=translation_set_id).delete()


def _set_status(article, status, *, user, note=""):
    """The one way a workflow step writes: save (version-checked), then a revision
    with who took the step and their note."""
    article.status = status
    article.save()
    discard_pdf_editions(article)
    article_record_revision(article, user=user, note=note)
    return article


def _check_note(note):
    limit = ArticleRevision._meta.get_field("note").max_length
    if len(note) > limit:
        raise PermissionDenied(_("A note is %(limit)d characters at most.") % {"limit": limit})
    return note


@transaction.atomic
@changing_article
def article_submit_for_review(article, *, user, note=""):
    """A contributor hands a draft to the editors, who are told (with `note`)."""
    require(user, CHANGE_ARTICLE)
    if article.status not in (Article.Status.DRAFT, Article.Status.REVIEW):
        raise PermissionDenied(_("Only a draft can be submitted for review."))
    _set_status(article, Article.Status.REVIEW, user=user, note=_check_note(note))
    notifications.submitted(article, user=user, note=note)
    return article


@transaction.atomic
@changing_article
def article_publish(article, *, user, at=None, note=""):
    """Publish now, or at `at` (a future date schedules it: it goes live by itself);
    its contributor is told."""
    require(user, PUBLISH_ARTICLE)
    if not article.title.strip():  # a new translation, still empty
        raise PermissionDenied(_("An article needs a title before it is published."))
    contributor = workflow_selectors.article_contributor(article) if article.pk else None
    if at is not None:
        article.published_at = at
    elif article.published_at is not None and article.published_at > timezone.now():
        article.published_at = None  # "publish" means now, not at a date it was scheduled for
    _set_status(article, Article.Status.PUBLISHED, user=user, note=_check_note(note))
    notifications.published(article, user=user, contributor=contributor, note=note)
    return article


@transaction.atomic
@changing_article
def article_schedule(article, at, *, user, note=""):
    """Publish at `at`, which must be ahead: readers see the article from then on."""
    if at <= timezone.now():
        raise PermissionDenied(_("Choose a time in the future to schedule the article."))
    return article_publish(article, user=user, at=at, note=note)


@transaction.atomic
@changing_article
def article_unpublish(article, *, user, note=""):
    """Back to draft: off every public surface at once."""
    require(user, PUBLISH_ARTICLE)
    return _set_status(article, Article.Status.DRAFT, user=user, note=_check_note(note))


@transaction.atomic
@changing_article
def article_send_back(article, *, user, note):
    """An editor returns work in review to its author as a draft, saying why in `note`
    (required); the author is told."""
    require(user, PUBLISH_ARTICLE)
    if article.status != Article.Status.REVIEW:
        raise PermissionDenied(_("Only work in review can be sent back."))
    if not note.strip():
        raise PermissionDenied(_("Say what the author should change: a note is required."))
    contributor = workflow_selectors.article_contributor(article)
    _set_status(article, Article.Status.DRAFT, user=user, note=_check_note(note))
    notifications.sent_back(article, user=user, contributor=contributor, note=note)
    return article


@transaction.atomic
@changing_article
def article_archive(article, *, user):
    """Off every public surface, kept with its history; restorable by unarchiving."""
    require(user, PUBLISH_ARTICLE)
    return _set_status(article, Article.Status.ARCHIVED, user=user)


def may_set_status(user, old_status, new_status):
    """Whether `user` may move an article from `old_status` to `new_status` by a save or a
    restore (the admin changes it only by a step: articles/workflow.py)."""
    if old_status == new_status:
        return True
    editorial = {Article.Status.DRAFT, Article.Status.REVIEW}
    if old_status in editorial and new_status in editorial:
        return user.has_perm(CHANGE_ARTICLE) or user.has_perm(ADD_ARTICLE)
    return can_publish(user)


def revision_user(user):
    """Who a revision or a review is by: the user, or None for an anonymous one."""
    return user if user is not None and user.is_authenticated else None


@changing_article
def article_record_revision(article, *, user, note=""):
    """
    Keep what the article is now: every field, authors, topics, regions,
    recommendations, tags.
    """
    return ArticleRevision.objects.create(
        article=article, user=revision_user(user), data=revisions.snapshot(article), note=note
    )


@changing_article
def article_amend_revision(article, *, user, note=""):
    """Make `article`'s latest revision hold what the article is now when it is
    `user`'s, with `note` (an import's second pass completing what its first wrote);
    else record a new revision."""
    latest = article.revisions.saved().first()
    by = getattr(revision_user(user), "pk", None)
    if latest is None or latest.user_id != by or latest.note != note:
        return article_record_revision(article, user=user, note=note)
    latest.data = revisions.snapshot(article)
    latest.save(update_fields=["data"])
    return latest


def mark_reviewed(proposal, outcome, *, user):
    """Mark a pending proposed change published or discarded, once: a second is refused."""
    reviewed = {
        "proposal": outcome,
        "reviewed_by": revision_user(user),
        "reviewed_at": timezone.now(),
    }
    pending = ArticleRevision.objects.pending().filter(pk=proposal.pk)
    if not pending.update(**reviewed):
        raise PermissionDenied(_("This proposed change was already reviewed."))
    for name, value in reviewed.items():
        setattr(proposal, name, value)


@transaction.atomic
@changing_article
def article_restore(article, revision, *, user, note=""):
    """Make the article what it was at `revision`, as a new revision (a pending proposed
    change is thereby published: editors only); `note`, the editor's why, is kept on it."""
    require(user, CHANGE_ARTICLE)
    if revision.article_id != article.pk:
        raise PermissionDenied(_("This revision belongs to another article."))
    if revision.is_pending:
        require(user, PUBLISH_ARTICLE)
    if needs_review(article, user=user):
        raise ReviewRequired
    if not may_set_status(user, article.status, revision.data.get("status", article.status)):
        raise PermissionDenied(may_not_publish())
    done = _("Restored the revision of %(when)s")
    if revision.is_pending:
        mark_reviewed(revision, ArticleRevision.Proposal.PUBLISHED, user=user)
        done = _("Published the change proposed by %(who)s on %(when)s")
    revisions.apply(article, revision.data)
    record_body_images(article)
    record_body_links(article)
    discard_pdf_editions(article)
    when = revision.created_at.strftime("%Y-%m-%d %H:%M")
    done = done % {"who": revision.user or "—", "when": when}
    return article_record_revision(article, user=user, note=revision_note(done, note))


# --- previews ----------------------------------------------------------------------------


@transaction.atomic
def article_share_preview(article, *, user):
    """A signed, expiring preview link for someone without an account."""
    require(user, CHANGE_ARTICLE)
    if not article.preview_secret:
        article.preview_secret = preview.new_secret()
        article.save(update_fields=["preview_secret"])
    return preview.share_url(article)


@transaction.atomic
def article_revoke_previews(article, *, user):
    """Every preview link given out for this article stops working at once."""
    require(user, CHANGE_ARTICLE)
    article.preview_secret = preview.new_secret()
    article.save(update_fields=["preview_secret"])
