"""Facts about the site's languages that Django's locale data gets wrong or lacks."""

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_info, override

# Each language named in its own script, as readers expect to see it in a language
# list. Django's data spells Arabic with a shadda (العربيّة), which the reference
# site and most Arabic sites do not.
LOCAL_NAMES = {
    "ar": "العربية",
    "fa": "فارسی",
}


def configured_languages():
    """settings.LANGUAGES, as a callable for a model field's `choices`: read at run time,
    so adding a language is a settings change, with no migration."""
    return settings.LANGUAGES


def local_name(code):
    return LOCAL_NAMES.get(code) or get_language_info(code)["name_local"]


def is_rtl(code):
    return bool(get_language_info(code)["bidi"])


def home_url(code):
    with override(code):
        return reverse(settings.SITE_HOME_URL_NAME)


def page_in_languages(request, alternates=None):
    """
    {language: URL of the page being shown, in that language} for the page of `request`.

    `alternates` is what the view knows: an article exists only in the languages of
    its published versions, so its view passes them; an error page passes {}.
    Without it, the page exists in every language (a topic, an expert, a home page)
    and its URL is the same route under each language's prefix.
    """
    if alternates is not None:
        return dict(alternates)
    urls = {}
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        if url != request.path or code == get_language():
            urls[code] = url
    return urls


def hreflang_alternates(urls):
    """
    [(language, URL), ..., ("x-default", URL)] for a page that exists at `urls`
    ({language: absolute URL}), in settings order; [] for a page in one language
    only. The page's <link rel="alternate"> tags and the sitemap both use it, so
    they always agree.

    Every version must name the same x-default: the site's default language where
    the page exists in it, else its first language in settings order.
    """
    if len(urls) < 2:
        return []
    alternates = [(code, urls[code]) for code, _name in settings.LANGUAGES if code in urls]
    return [*alternates, ("x-default", alternates[0][1])]


# Digits used in dates and times, by language. Persian pages write Persian digits
# (۲۷ نوامبر ۲۰۲۳), as Persian publishers do; Arabic pages keep 0-9, as most Arabic
# news and policy sites do. Body text is left as its author wrote it.
NATIVE_DIGITS = {
    "fa": "۰۱۲۳۴۵۶۷۸۹",
}


def localize_digits(text, code=None):
    digits = NATIVE_DIGITS.get(code or get_language())
    if not digits:
        return text
    return text.translate(str.maketrans("0123456789", digits))
