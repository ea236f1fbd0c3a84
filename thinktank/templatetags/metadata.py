"""
Tags for the <head> of every page (templates/base.html): the canonical address, and
the text of a block said once and shown again in OpenGraph and Twitter tags.
"""

import re

from django import template
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.utils.encoding import escape_uri_path
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from thinktank.languages import page_in_languages
from thinktank.metadata import opengraph_locale

register = template.Library()


@register.simple_tag(takes_context=True)
def block_text(context, name):
    """
    The text of block `name` as the page defines it (or base.html's default), with
    its whitespace collapsed: `{% block_text "title" %}`.

    Django renders a block once, where it stands; a page's title and description
    are also wanted in og:title, twitter:title and the rest. This renders the
    block again, so a page gets all of them by filling `title` and `description`
    alone. It goes through BlockNode.render, which takes the most derived version
    of the block from the inheritance chain and puts it back, so `{{ block.super }}`
    works inside it as anywhere else.
    """
    block_context = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = block_context.get_block(name) if block_context is not None else None
    if block is None:
        return ""
    # The block's output is already escaped for HTML (autoescaping ran while it
    # rendered): safe to place in an attribute as it is.
    return mark_safe(re.sub(r"\s+", " ", block.render(context)).strip())  # noqa: S308


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """
    This page's absolute address. A later page of a list is a page of its own for
    search engines (?page=N is kept), while a filtered list, at any page, is a view
    of the unfiltered list's first page (the filters are dropped).

    Always on this site's own host: the path is escaped, not read as a URL, so a
    request for //other.example/x names http://this-host//other.example/x.
    """
    request = context.get("request")
    if request is None:
        return ""
    url = f"{request.scheme}://{request.get_host()}{escape_uri_path(request.path)}"
    page = context.get("page_obj")
    filtered = any(key != "page" for key in request.GET)
    if page is not None and getattr(page, "number", 1) > 1 and not filtered:
        url = f"{url}?page={page.number}"
    return url


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """`path` (a site path such as an expert's get_absolute_url) as an absolute URL."""
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


@register.simple_tag
def page_locale():
    """og:locale of the page: "en_US", "ar_AR", "fa_IR"."""
    return opengraph_locale(get_language())


@register.simple_tag(takes_context=True)
def alternate_locales(context):
    """og:locale:alternate values: the other languages this page exists in."""
    request = context.get("request")
    if request is None:
        return []
    current = get_language()
    urls = page_in_languages(request, context.get("alternates"))
    return [opengraph_locale(code) for code in urls if code != current]
