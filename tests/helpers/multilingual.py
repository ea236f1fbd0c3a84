"""Helpers and facts for the multilingual tests: the demo's addresses, translated labels,
the switcher, hreflang. A new page's tests use them too (docs/multilingual.md)."""

import re
from datetime import UTC

from django.conf import settings as django_settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext, pgettext

from articles.models import Article, Region

LANGUAGES = [code for code, _name in django_settings.LANGUAGES]
OTHER_LANGUAGES = [code for code in LANGUAGES if code != "en"]
PREFIX = {"en": "", "ar": "/ar", "fa": "/fa"}
HOME = {"en": "/", "ar": "/ar/", "fa": "/fa/"}
SERVER = "http://testserver"

EN_SLUG = (
    "putins-alignment-in-middle-east-should-signal-to-israel-its-time-for-a-change-of-allegiance"
)
AR_SLUG = "anyaz-bwtyn-fy-alshrq-alawst-yjb-yshyr-lasrayyl-ban-alwqt-qd-han-ltghyyr-alwlaat"
EN_URL = f"/policy-analysis/{EN_SLUG}"
AR_URL = f"/ar/policy-analysis/{AR_SLUG}"
AR_EVENT_URL = "/ar/policy-analysis/hrb-hmas-wasrayyl-nhaya-albdaya-am-bdaya-alnhaya"
DEMO_TOPIC = "great-power-competition"
DEMO_REGION = "levant"  # Middle East > Levant > Israel, Palestinians, ...
DEMO_EXPERT = "anna-borshchevskaya"

ARABIC_LETTERS = re.compile(r"[\u0600-\u06ff]")
ASCII_DIGITS = re.compile(r"[0-9]")
PERSIAN_DIGITS = re.compile(r"[۰-۹]")
EVENT_LINE = "%(date)s, starting at %(time)s %(zone)s (%(gmt)s GMT)"
EVENT_DATE_CONTEXT = "date format of an event's start"
EMPTY_LIST = "Nothing has been published here yet."


# --- helpers -------------------------------------------------------------------------------


def translated(language, message, context=None):
    """`message` in `language` from the catalogues; fails when it is not translated."""
    with translation.override(language):
        text = pgettext(context, message) if context else gettext(message)
    assert text != message, f"{message!r} is not translated into {language!r} (locale/)"
    return text


def html_lang_dir(page):
    html = page.find("html")
    return html.get("lang"), html.get("dir")


def switcher(page):
    """({language: href} of the switcher's links, [languages shown as the current one])."""
    nav = page.find("nav", cls="language-switcher")
    links = {link.get("lang"): link.get("href") for link in nav.links()}
    current = [item.get("lang") for item in nav.find_all(aria_current="true")]
    return links, current


def assert_switcher(page, current, expected):
    """The switcher links every other language to `expected[language]`; `current` is no link."""
    links, shown_current = switcher(page)
    assert shown_current == [current]
    assert current not in links, "the current language is a link"
    assert links == {code: expected[code] for code in LANGUAGES if code != current}
    nav = page.find("nav", cls="language-switcher")
    for link in nav.links():
        assert link.get("hreflang") == link.get("lang")
        assert link.get("dir") == ("ltr" if link.get("lang") == "en" else "rtl")


def hreflang_alternates(page):
    links = page.find("head").find_all("link", rel="alternate", hreflang=True)
    alternates = {link.get("hreflang"): link.get("href") for link in links}
    assert len(alternates) == len(links), "an hreflang is given twice"
    return alternates


def absolute(urls):
    return {code: SERVER + url for code, url in urls.items()}


def url_language(path):
    """The language of a site path, by its prefix."""
    for code in OTHER_LANGUAGES:
        if path == HOME[code] or path.startswith(HOME[code]):
            return code
    return "en"


def card_titles(page):
    return [title.text for title in page.find("main").find_all(cls="card__title")]


def published(language=None):
    articles = Article.objects.filter(
        status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
    )
    return articles if language is None else articles.filter(language=language)


def newest_titles(queryset, limit=20):
    return list(
        queryset.distinct().order_by("-published_at", "-pk").values_list("title", flat=True)
    )[:limit]


def region_and_descendants(region):
    parents = dict(Region.objects.values_list("pk", "parent_id"))
    found = {region.pk}
    changed = True
    while changed:
        changed = False
        for pk, parent in parents.items():
            if parent in found and pk not in found:
                found.add(pk)
                changed = True
    return found


def english_article():
    return Article.objects.get(language="en", slug=EN_SLUG)


def demo_version(language):
    """The demo article's published version in `language`, or None."""
    return (
        published(language)
        .filter(translation_set=english_article().translation_set_id)
        .order_by("pk")
        .first()
    )


def local_date(value, language, format_name="DATE_FORMAT"):
    with translation.override(language):
        return formats.date_format(timezone.localtime(value), format_name)


def expected_event_line(article, language):
    """The event line as `articles.templatetags.articles.event_start` should write it."""
    local = article.event_start_local
    with translation.override(language):
        line = gettext(EVENT_LINE)
        date_format = pgettext(EVENT_DATE_CONTEXT, "F j, Y")
        return line % {
            "date": formats.date_format(local, date_format),
            "time": formats.time_format(local, "g:i a"),
            "zone": local.tzname(),
            "gmt": article.event_start.astimezone(UTC).strftime("%H%M"),
        }
