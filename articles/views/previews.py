"""Previews: an article as readers will see it, before it is published."""

from django.contrib.admin.views.decorators import staff_member_required
from django.core import signing
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from articles import page_selectors, preview
from articles.permissions import VIEW_ARTICLE
from articles.views.pages import ArticleDetailView
from thinktank.permissions import require


def _preview_response(request, article, document_url):
    """The article page exactly as readers will see it, in its language, never cached;
    its documents at `document_url(document)`."""
    if article is None:
        raise Http404("No such article.")
    with translation.override(article.language):
        response = ArticleDetailView.as_view(
            extra_context={"preview": True}, document_url=document_url
        )(request, slug=article.slug, article=article)
        response.render()
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@staff_member_required
def article_preview(request, pk):
    """Staff preview of any article, draft or scheduled included."""
    require(request.user, VIEW_ARTICLE)
    return _preview_response(request, page_selectors.article_for_preview(pk), staff_document_url)


def staff_document_url(document):
    """Where staff download `document` of an article they preview."""
    return reverse(
        "article-document-preview", kwargs={"pk": document.article_id, "document": document.pk}
    )


def article_shared_preview(request, token):
    """An outside reviewer's preview: a signed link, until it expires or is revoked."""
    try:
        article_id, secret = preview.article_id_from_token(token)
    except signing.BadSignature:
        raise Http404("This preview link is not valid, or it has expired.") from None
    article = page_selectors.article_for_preview(article_id)
    if article is None or not secret or article.preview_secret != secret:
        raise Http404("This preview link has been revoked.")

    def document_url(document):
        return reverse(
            "article-document-preview-shared", kwargs={"token": token, "document": document.pk}
        )

    return _preview_response(request, article, document_url)
