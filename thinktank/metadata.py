"""The image and locale that link previews (OpenGraph, Twitter cards) read about a page."""

from django.utils.translation import to_locale

from thinktank.renditions import rendition_urls

# Previewers (Facebook first) expect language_TERRITORY.
OPENGRAPH_LOCALES = {
    "en": "en_US",
    "ar": "ar_AR",
    "fa": "fa_IR",
}


def opengraph_locale(code):
    return OPENGRAPH_LOCALES.get(code) or to_locale(code)


def absolute_image_url(fieldfile, request):
    """The absolute URL of the largest JPEG/PNG rendition (previewers do not all read
    WebP), else of the original; "" for none."""
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
    """og:image and twitter:image, or None; `large` for Twitter's large card."""
    url = absolute_image_url(fieldfile, request)
    if not url:
        return None
    return {"url": url, "alt": alt, "large": large}
