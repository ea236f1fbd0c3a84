"""
What link previews (OpenGraph, Twitter cards) read about a page besides its text:
the image they show and the locale they name. The text (title, description) comes
from the page's template blocks (templates/base.html).
"""

from django.utils.translation import to_locale

from thinktank.renditions import rendition_urls

# OpenGraph names a locale as language_TERRITORY; previewers (Facebook first) expect
# these for the configured languages. Another language falls back to Django's
# locale name ("fr", "pt_BR").
OPENGRAPH_LOCALES = {
    "en": "en_US",
    "ar": "ar_AR",
    "fa": "fa_IR",
}


def opengraph_locale(code):
    return OPENGRAPH_LOCALES.get(code) or to_locale(code)


def absolute_image_url(fieldfile, request):
    """
    The absolute URL of an image's largest stored rendition in its fallback format
    (JPEG or PNG: previewers do not all read WebP), else of the original; "" for none.
    Built from strings (thinktank.renditions): no query, no storage access.
    """
    if not fieldfile:
        return ""
    urls = rendition_urls(fieldfile)
    if not urls:
        return request.build_absolute_uri(fieldfile.url)
    webp, *fallback = urls.values()
    candidates = fallback[0] if fallback else webp
    url, _width = max(candidates, key=lambda candidate: candidate[1])
    return request.build_absolute_uri(url)


def share_image(fieldfile, request, *, alt="", large=False):
    """
    What base.html's og:image and twitter:image show, or None when there is no
    image. `large` asks for Twitter's large card (a wide hero image), otherwise a
    small square one (a portrait).
    """
    url = absolute_image_url(fieldfile, request)
    if not url:
        return None
    return {"url": url, "alt": alt, "large": large}
