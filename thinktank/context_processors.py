"""Values every template may use: the site's name and the page's text direction."""

from django.conf import settings
from django.utils.translation import get_language, get_language_info


def site(request):
    language = get_language() or settings.LANGUAGE_CODE
    return {
        "SITE_NAME": settings.SITE_NAME,
        "LANGUAGE_BIDI": get_language_info(language)["bidi"],
    }
