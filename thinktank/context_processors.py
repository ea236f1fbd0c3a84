"""
Values every template may use: the site's name, the page's text direction, and the
URL names of the home and search pages (for `{% url SITE_HOME_URL_NAME %}`).
"""

from django.conf import settings
from django.utils.translation import get_language, get_language_info


def site(request):
    language = get_language() or settings.LANGUAGE_CODE
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_HOME_URL_NAME": settings.SITE_HOME_URL_NAME,
        "SITE_SEARCH_URL_NAME": settings.SITE_SEARCH_URL_NAME,
        "LANGUAGE_BIDI": get_language_info(language)["bidi"],
    }
