"""
Writes of an article's documents, with the article's rules (articles.services): whoever
may change the article as it is stored may attach, change and remove its documents; a
published or archived one only an editor. A new file is checked (thinktank.documents)
before it is stored. See docs/documents.md.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from articles.models import Article, Document
from articles.permissions import CHANGE_ARTICLE
from articles.services import ReviewRequired, is_reviewed
from thinktank.documents import check_document
from thinktank.permissions import require
from thinktank.private_files import remove_after_commit


def may_change_documents(article, *, user):
    """Whether `user` may attach, change or remove documents of `article` (as loaded)."""
    return user.has_perm(CHANGE_ARTICLE) and not is_reviewed(article.status, user=user)


def _require_may_change(article_id, *, user):
    require(user, CHANGE_ARTICLE)
    status = Article.objects.filter(pk=article_id).values_list("status", flat=True).first()
    if status is None:
        raise PermissionDenied(_("This article does not exist."))
    if is_reviewed(status, user=user):
        raise ReviewRequired


@transaction.atomic
def document_save(document, *, user):
    """Save a new or edited document; a new file is checked first and its type, size,
    page count and text recorded. Raises PermissionDenied or ValidationError."""
    _require_may_change(document.article_id, user=user)
    replaced = None
    if document.pk is not None:
        stored = Document.objects.filter(pk=document.pk).values("article", "file").first()
        if stored is None or stored["article"] != document.article_id:
            raise PermissionDenied(_("This document belongs to another article."))
        if stored["file"] != document.file.name:
            replaced = stored["file"]
    if not document.file:
        raise ValidationError({"file": _("Choose a file.")})
    if not document.file._committed:  # a new upload in this save
        checked = check_document(document.file.file)
        document.kind = checked.kind
        document.size = checked.size
        document.page_count = checked.pages
        document.text = checked.text
    elif replaced is not None:  # a stored name, not an upload, may not be swapped in
        raise PermissionDenied(_("A document's file can only be replaced by an upload."))
    document.save()
    remove_after_commit([replaced])
    return document


@transaction.atomic
def document_delete(document, *, user):
    """Remove a document and, once that is committed, its file."""
    _require_may_change(document.article_id, user=user)
    name = document.file.name
    document.delete()
    remove_after_commit([name])
