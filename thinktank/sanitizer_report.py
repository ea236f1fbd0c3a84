"""
What the rich-text sanitizer (thinktank.html.sanitize_html) would drop from some HTML,
reported to the admin's editors before they save (static/js/sanitizer-warning.js asks
it on paste, at the admin's `rich-text-report/`), so the rules stay in one place.
See docs/rich-text.md.
"""

import json
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.http import require_POST

from thinktank.html import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    ALLOWED_URL_SCHEMES,
    outside_images,
    sanitize_html,
)

# Pasted HTML larger than this is not looked at (a whole book's worth).
MAX_HTML = 2_000_000


# What the site's own styles replace anyway: not worth a warning when it goes (a word
# processor's paste is full of it).
FORMATTING_TAGS = {
    "html", "head", "body", "meta", "title", "link", "style", "font", "center", "basefont",
    "o:p", "colgroup", "col",
}  # fmt: skip
FORMATTING_ATTRIBUTES = {
    "style", "class", "id", "name", "align", "valign", "color", "face", "size", "bgcolor",
    "border", "cellpadding", "cellspacing", "width", "height", "clear", "nowrap", "type",
    "start", "target", "rel", "role", "tabindex", "spellcheck", "contenteditable",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "cite"}


def _is_formatting(name):
    return name in FORMATTING_ATTRIBUTES or name.startswith(("data-", "aria-", "xmlns"))


def _allowed(tag, name):
    return name in ALLOWED_ATTRIBUTES.get(tag, set()) | ALLOWED_ATTRIBUTES["*"]


def _refused_url(value):
    scheme = urlsplit((value or "").strip()).scheme.lower() if value else ""
    return bool(scheme) and scheme not in ALLOWED_URL_SCHEMES


class _Elements(HTMLParser):
    """The start tags of a document, counted, and what the sanitizer's rules refuse in
    them: elements, attributes (or their address, for an unknown scheme)."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags = Counter()
        self.attributes = Counter()
        self.refused_tags = set()
        self.refused_attributes = set()
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        if tag not in ALLOWED_TAGS and tag not in FORMATTING_TAGS:
            self.refused_tags.add(tag)
        values = {}
        for name, value in attrs:  # a repeated attribute counts once, as browsers read it
            values.setdefault(name, value)
        for name, value in values.items():
            self.attributes[(tag, name)] += 1
            if tag not in ALLOWED_TAGS:
                continue
            refused = not _allowed(tag, name) and not _is_formatting(name)
            if refused or (name in URL_ATTRIBUTES and _refused_url(value)):
                self.refused_attributes.add((tag, name))

    handle_startendtag = handle_starttag


def sanitizer_report(html):
    """
    What sanitize_html drops from `html` that a reader would miss: {"tags": elements
    outside the allowlist (sorted; FORMATTING_TAGS left out), "attributes": ["tag
    attribute", ...] refused on elements it keeps (FORMATTING_ATTRIBUTES left out),
    "images": the sources of images from elsewhere}. Each is what the real sanitizer
    removes: a rule's refusal the sanitized HTML confirms.
    """
    html = html or ""
    before, after = _Elements(html), _Elements(sanitize_html(html))
    dropped_tags = before.tags - after.tags
    dropped_attributes = before.attributes - after.attributes
    return {
        "tags": sorted(tag for tag in before.refused_tags if dropped_tags[tag]),
        "attributes": sorted(
            f"{tag} {name}"
            for tag, name in before.refused_attributes
            if dropped_attributes[(tag, name)]
        ),
        "images": outside_images(html),
    }


class SanitizerReportAdminMixin:
    """Put before one ModelAdmin (the articles'): the admin's `rich-text-report/`
    endpoint, `admin:sanitizer_report`, for every staff member's rich-text editors."""

    def get_urls(self):
        view = self.admin_site.admin_view(sanitizer_report_view)
        return [path("rich-text-report/", view, name="sanitizer_report"), *super().get_urls()]


@require_POST
@staff_member_required
def sanitizer_report_view(request):
    """POST {"html": …} (JSON): the sanitizer_report of it, for the admin's editors."""
    try:
        payload = json.loads(request.body[: MAX_HTML * 4] or b"{}")
    except (ValueError, UnicodeDecodeError):
        payload = None
    html = payload.get("html") if isinstance(payload, dict) else None
    if not isinstance(html, str) or len(html) > MAX_HTML:
        return JsonResponse({"error": "html"}, status=400)
    return JsonResponse(sanitizer_report(html))
