"""Facts about the site's languages that Django's locale data gets wrong or lacks."""

import functools

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_info, override

# Django spells Arabic with a shadda (العربيّة), which most Arabic sites do not.
LOCAL_NAMES = {
    "ar": "العربية",
    "fa": "فارسی",
}


def configured_languages():
    """settings.LANGUAGES for a field's `choices`: a new language needs no migration."""
    return settings.LANGUAGES


def local_name(code):
    return LOCAL_NAMES.get(code) or get_language_info(code)["name_local"]


def is_rtl(code):
    return bool(get_language_info(code)["bidi"])


def home_url(code):
    with override(code):
        return reverse(settings.SITE_HOME_URL_NAME)


def page_in_languages(request, alternates=None):
    """{language: URL of this page in it}: the view's `alternates`, else the same route
    under every prefix. See docs/multilingual.md."""
    if alternates is not None:
        return dict(alternates)
    return dict(_same_route(request.path, get_language()))


@functools.lru_cache(maxsize=500)
def _same_route(path, current):
    """((language, `path` under its prefix), ...) for the languages whose prefix routes
    it, `current` (the active language) included: the URLconf's answer, so worked out
    once in a process for its 500 latest paths (the switcher, hreflang and og:locale
    each ask), forgotten when settings change."""
    urls = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        if url != path or code == current:
            urls.append((code, url))
    return tuple(urls)


def forget_routes(**kwargs):
    """Forget the routes worked out (a change of settings may change them)."""
    _same_route.cache_clear()


def hreflang_alternates(urls):
    """[(language, URL), ..., ("x-default", URL)] in settings order for the <link> tags
    and the sitemap alike; [] for a page in one language."""
    if len(urls) < 2:
        return []
    alternates = [(code, urls[code]) for code, _name in settings.LANGUAGES if code in urls]
    return [*alternates, ("x-default", alternates[0][1])]


# Dates' digits: Persian publishers write Persian digits; Arabic sites mostly keep 0-9.
NATIVE_DIGITS = {
    "fa": "۰۱۲۳۴۵۶۷۸۹",
}


def localize_digits(text, code=None):
    digits = NATIVE_DIGITS.get(code or get_language())
    if not digits:
        return text
    return text.translate(str.maketrans("0123456789", digits))


# Counting (notes' numbers, list markers): Arabic counts in Arabic-Indic digits as its
# ordered lists do (CSS `arabic-indic`), Persian in Extended Arabic-Indic (`persian`).
COUNTING_DIGITS = {
    "ar": "٠١٢٣٤٥٦٧٨٩",
    "fa": "۰۱۲۳۴۵۶۷۸۹",
}


def counting_digits(number, code=None):
    """`number` written in the digits language `code` counts with: "3", "٣", "۳"."""
    digits = COUNTING_DIGITS.get((code or get_language() or "").split("-")[0])
    text = str(number)
    return text.translate(str.maketrans("0123456789", digits)) if digits else text
