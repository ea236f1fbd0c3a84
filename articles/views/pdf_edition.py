"""An article's PDF edition (/policy-analysis/<slug>.pdf): the published, live article's
only; made on its first request after publishing, then kept. See docs/pdf-edition.md."""

from django.http import Http404
from django.views.decorators.http import require_safe

from articles import pdf_edition, selectors
from thinktank.private_files import private_file_response


@require_safe
def article_pdf(request, slug):
    """The PDF edition of the published article at `slug` in the page's language; 404
    for a draft, a scheduled or an unpublished one."""
    article = selectors.published_article_with_byline(slug)
    if article is None:
        raise Http404("No published article at this address.")
    url = request.build_absolute_uri(article.get_absolute_url())
    name = pdf_edition.ensure_edition(article, url)
    response = private_file_response(
        request,
        name,
        filename=pdf_edition.download_name(article),
        content_type=pdf_edition.CONTENT_TYPE,
        public=True,
    )
    # A copy of the article: search engines should index the page instead. Streamed, it
    # is not kept by the page cache; shared caches ask again each time (no-cache), so it
    # is gone at once when unpublished.
    response["X-Robots-Tag"] = "noindex"
    return response
