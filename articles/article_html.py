"""
The inside of an article page's <article> (includes/article_main.html: its header,
body, notes, documents, authors and citations) kept as HTML by the page cache, by
article, language and address, until what it shows changes: a page purged for its
sidebar writes it again from what was kept. Its PDF link is not kept with it: the
size of the PDF edition shows once the edition is made, which purges nothing. See
docs/page-cache.md, "The parts of an article page".
"""

from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from articles import citations, page_cache
from articles.body import rendered_body
from thinktank.cache import remember

MAIN_TEMPLATE = "includes/article_main.html"
PDF_TEMPLATE = "includes/article_pdf.html"
PDF_LINK = "<!--article-pdf-->"  # where MAIN_TEMPLATE's PDF link goes


def article_main(context):
    """The HTML of MAIN_TEMPLATE in the article page's `context` (a template Context),
    remembered but in a preview (whose `body` the view has rendered)."""
    article, request = context["article"], context["request"]
    if context.get("preview"):
        return _rendered(context)
    parts = (article.pk, get_language(), request.scheme, request.get_host(), request.path)
    html = remember("article-main", parts, lambda: _shown(context))
    pdf_link = get_template(PDF_TEMPLATE).template.render(context)
    return mark_safe(html.replace(PDF_LINK, pdf_link, 1))  # noqa: S308 - both rendered here


def _shown(context):
    article = context["article"]
    page_cache.article_shows(article)
    page_cache.byline_shows(article)
    page_cache.article_page_shows(article)
    return _rendered(context)


def _rendered(context):
    """MAIN_TEMPLATE in `context`, with the body and the citations' styles it shows."""
    body = context.get("body") or rendered_body(context["article"])
    with context.push(body=body, citation_styles=citations.styles(context["citation"])):
        return get_template(MAIN_TEMPLATE).template.render(context)
