"""
An article's documents, handed out only while the article is visible to the reader: a
published, live article's to anyone; any article's to staff who may view articles, and
to a shared preview link's holder. Otherwise 404, as for a page that is not there.
See docs/documents.md ("Serving").
"""

from django.contrib.admin.views.decorators import staff_member_required
from django.core import signing
from django.http import Http404, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from articles import preview, selectors
from articles.permissions import VIEW_ARTICLE
from thinktank.permissions import require
from thinktank.private_files import private_file_response


def document_response(request, document, *, public):
    """The document's file, under its name and of its type (thinktank.private_files)."""
    return private_file_response(
        request,
        document.file.name,
        filename=document.filename,
        content_type=document.format.content_type,
        public=public,
    )


def _found(document):
    if document is None:
        raise Http404("No such document.")
    return document


@require_safe
def article_document(request, slug, pk, filename):
    """/<article's address>/documents/<id>/<name>: the file of a published article's
    document; another name (an older title) answers with a redirect to the current one."""
    document = _found(selectors.published_document(pk, slug=slug, language=get_language()))
    if filename != document.filename:
        return _redirect(document.get_absolute_url())
    return document_response(request, document, public=True)


@require_safe
def document_link(request, pk):
    """/documents/<id>, the address editors link to from a body: it leads to the
    document's address now, whatever its title, the article's slug or language."""
    document = _found(selectors.published_document(pk))
    return _redirect(document.get_absolute_url())


def _redirect(url):
    response = HttpResponseRedirect(url)
    # Asked again each time: a takedown takes the document away at once.
    patch_cache_control(response, public=True, no_cache=True)
    return response


@staff_member_required
@require_safe
def article_document_preview(request, pk, document):
    """A document of any article, draft or scheduled, for staff who may view articles."""
    require(request.user, VIEW_ARTICLE)
    found = _found(selectors.document_for_preview(pk, document))
    return _never_cached(document_response(request, found, public=False))


@require_safe
def shared_preview_document(request, token, document):
    """A document of the article a valid, unrevoked preview link shows."""
    try:
        article_id, secret = preview.article_id_from_token(token)
    except signing.BadSignature:
        raise Http404("This preview link is not valid, or it has expired.") from None
    found = _found(selectors.document_for_preview(article_id, document))
    if not secret or found.article.preview_secret != secret:
        raise Http404("This preview link has been revoked.")
    return _never_cached(document_response(request, found, public=False))


def _never_cached(response):
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
