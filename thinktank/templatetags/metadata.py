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
    """`{% block_text "title" %}`: block `name` rendered again, whitespace collapsed, so
    og:title and the rest need no copy of it ({{ block.super }} works)."""
    block_context = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = block_context.get_block(name) if block_context is not None else None
    if block is None:
        return ""
    # Autoescaping ran while the block rendered.
    return mark_safe(re.sub(r"\s+", " ", block.render(context)).strip())  # noqa: S308


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's absolute address on this host: ?page=N kept, filters dropped."""
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
