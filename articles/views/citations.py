"""An article's citation as a file for reference managers: BibTeX (.bib) and RIS (.ris)."""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

from articles import citations, selectors

FORMATS = {
    # format: (writer, extension, content type)
    "bibtex": (citations.bibtex, "bib", "application/x-bibtex; charset=utf-8"),
    "ris": (citations.ris, "ris", "application/x-research-info-systems; charset=utf-8"),
}


@require_safe
def article_citation(request, slug, format):
    """The published article at `slug` in the page's language, cited; 404 otherwise."""
    article = selectors.published_article_with_byline(slug)
    if article is None:
        raise Http404("No published article at this address.")
    write, extension, content_type = FORMATS[format]
    work = citations.work_for(article, request.build_absolute_uri(article.get_absolute_url()))
    response = HttpResponse(write(work), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{article.slug}.{extension}"'
    # A copy of the article's facts: search engines should index the page instead.
    response["X-Robots-Tag"] = "noindex"
    return response
