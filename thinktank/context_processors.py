"""Values every template may use: the site's name, URL names and sections (the one the
page is in), the direction."""

from django.conf import settings
from django.utils.translation import get_language, get_language_info

from thinktank import chrome


def site(request):
    language = get_language() or settings.LANGUAGE_CODE
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_HOME_URL_NAME": settings.SITE_HOME_URL_NAME,
        "SITE_SEARCH_URL_NAME": settings.SITE_SEARCH_URL_NAME,
        "SITE_FEED_RSS_URL_NAME": settings.SITE_FEED_RSS_URL_NAME,
        "SITE_FEED_ATOM_URL_NAME": settings.SITE_FEED_ATOM_URL_NAME,
        "SITE_SECTIONS": chrome.SECTIONS,
        "SITE_SECTION": chrome.section_of(request.resolver_match),
        "LANGUAGE_BIDI": get_language_info(language)["bidi"],
    }
