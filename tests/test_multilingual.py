"""
The site in every language: the Arabic demo article part by part with translated
labels, Persian digits, the language switcher, hreflang alternates, the pages under
each prefix and what they list, fallbacks of translated names, slugs made from Arabic
and Persian titles, and query counts in Arabic.

Labels are never hard-coded in a language: the expected text is computed with
`translation.override(<lang>)` + `gettext`/`pgettext` of the English msgid, and the
helper `translated()` fails when the catalogue does not translate it.

Helpers other test modules may use for a new page: `translated`, `html_lang_dir`,
`switcher`, `assert_switcher`, `hreflang_alternates`, `card_titles`.
"""

import re
from datetime import UTC, datetime

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone, translation
from django.utils.translation import gettext, pgettext

from articles.models import Article, PublicationType, Region, Topic
from experts.models import Expert
from tests.factories import (
    in_future,
    make_article,
    make_event,
    make_expert,
    make_guest,
    make_program,
    make_region,
    make_topic,
    make_translation,
)
from tests.htmlpage import get_page, parse
from thinktank.transliteration import slugify_title

pytestmark = pytest.mark.usefixtures("demo_once", "db")

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
    links = page.find("head").find_all("link", rel="alternate")
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


# --- the Arabic demo article, part by part ----------------------------------------------------


@pytest.fixture
def arabic_page(client):
    page = get_page(client, AR_URL)
    assert html_lang_dir(page) == ("ar", "rtl")
    return page


@pytest.fixture
def arabic_article():
    return Article.objects.get(language="ar", slug=AR_SLUG)


def arabic_header(page):
    return page.find("header", cls="article__header")


def test_arabic_article_is_arabic_right_to_left(arabic_page):
    assert html_lang_dir(arabic_page) == ("ar", "rtl")


def test_arabic_type_label(arabic_page, arabic_article):
    label = arabic_article.publication_type.get_translation("name", "ar")
    assert label != arabic_article.publication_type.name, "the demo type has no Arabic name"
    assert ARABIC_LETTERS.search(label)
    assert arabic_header(arabic_page).find(cls="eyebrow").text == label


def test_arabic_byline_has_the_translated_by_and_the_arabic_name(arabic_page):
    expert = Expert.objects.get(slug=DEMO_EXPERT)
    name = expert.get_translation("name", "ar")
    assert name != expert.name, "the demo expert has no Arabic name"
    by = translated("ar", "by", context="byline: by <authors>")
    byline = arabic_header(arabic_page).find(cls="article__byline")
    assert byline.text == f"{by} {name}"
    (link,) = byline.links()
    assert link.get("href") == f"/ar/experts/{DEMO_EXPERT}"
    assert link.find("bdi").text == name


def test_arabic_date(arabic_page, arabic_article):
    time = arabic_header(arabic_page).find(cls="article__date").find("time")
    assert "نوفمبر" in time.text
    assert time.text == local_date(arabic_article.published_at, "ar")
    assert time.get("datetime").startswith("2023-11-28")  # machine-readable, ASCII


def test_arabic_also_published_in(arabic_page):
    outlet = arabic_header(arabic_page).find(cls="article__outlet")
    label = translated("ar", "Also published in")
    assert outlet.text == f"{label} 19FortyFive"


def test_arabic_also_available_in(arabic_page):
    versions = arabic_header(arabic_page).section(translated("ar", "Also available in"))
    expected = [("en", "English", EN_URL)]
    persian = demo_version("fa")
    if persian is not None:
        expected.append(("fa", "فارسی", persian.get_absolute_url()))
    assert [
        (link.get("lang"), link.text, link.get("href")) for link in versions.links()
    ] == expected
    for link in versions.links():
        assert link.get("hreflang") == link.get("lang")
        assert link.get("dir") == ("ltr" if link.get("lang") == "en" else "rtl")


def test_arabic_about_the_authors(arabic_page):
    expert = Expert.objects.select_related("program").get(slug=DEMO_EXPERT)
    about = arabic_page.section(translated("ar", "About the authors"))
    (author,) = about.find_all("li", cls="author")
    name = author.find(cls="author__name")
    assert name.text == expert.get_translation("name", "ar")
    assert name.hrefs() == [f"/ar/experts/{DEMO_EXPERT}"]
    assert author.find(cls="author__bio").text == expert.get_translation("short_bio", "ar")
    assert author.find(cls="author__program").text == expert.program.get_translation("name", "ar")


def test_arabic_topics(arabic_page, arabic_article):
    topics = arabic_page.section(translated("ar", "Topics"))
    expected = {
        (topic.get_translation("name", "ar"), f"/ar/policy-analysis/{topic.slug}")
        for topic in arabic_article.topics.all()
    }
    assert expected
    assert {(link.text, link.get("href")) for link in topics.links()} == expected


def test_arabic_regions_and_countries(arabic_page, arabic_article):
    regions = arabic_page.section(translated("ar", "Regions & Countries"))
    expected = {
        (region.get_translation("name", "ar"), f"/ar/policy-analysis/{region.slug}")
        for region in arabic_article.regions.all()
    }
    assert len(expected) == 2
    assert {(link.text, link.get("href")) for link in regions.links()} == expected


def test_arabic_page_chrome_is_translated(arabic_page):
    assert arabic_page.find("a", cls="skip-link").text == translated("ar", "Skip to content")
    nav = arabic_page.find("nav", cls="language-switcher")
    assert nav.get("aria-label") == translated("ar", "Languages")
    assert arabic_page.find("aside").get("aria-label") == translated("ar", "Related")
    note = arabic_page.find(cls="site-footer__note").text
    assert note == translated(
        "ar", "Independent research and analysis on policy, security and the Middle East."
    )


def test_arabic_demo_event_page_has_the_translated_event_line(client):
    page = get_page(client, AR_EVENT_URL)
    event = Article.objects.get(language="ar", slug=AR_EVENT_URL.rsplit("/", 1)[1])
    time = arabic_header(page).find(cls="article__date").find("time")
    assert time.text == expected_event_line(event, "ar")
    assert "1600" in time.text
    assert "ديسمبر" in time.text
    assert time.get("datetime") == "2023-12-14T16:00:00+00:00"
    assert arabic_header(page).find(cls="article__place").text == translated("ar", "Online")


# --- Persian digits --------------------------------------------------------------------------


def test_persian_page_dates_use_persian_digits(client):
    when = datetime(2023, 11, 27, 15, 0, tzinfo=UTC)
    article = make_article("تحلیل فارسی آزمایشی", slug="", language="fa", published_at=when)
    page = get_page(client, article.get_absolute_url())
    assert html_lang_dir(page) == ("fa", "rtl")
    time = page.find("header", cls="article__header").find(cls="article__date").find("time")
    assert not ASCII_DIGITS.search(time.text), time.text
    assert "۲۷" in time.text
    assert "۲۰۲۳" in time.text
    with translation.override("fa"):
        month = formats.date_format(when, "F")
    assert month in time.text
    assert time.get("datetime") == "2023-11-27T15:00:00+00:00"  # stays ASCII
    # The Persian home page lists it with the same digits.
    home = get_page(client, "/fa/")
    (card,) = [
        card
        for card in home.find_all("article", cls="card")
        if card.find(cls="card__title").text == article.title
    ]
    assert card.find(cls="card__date").text == time.text


def test_persian_event_line_uses_persian_digits(client):
    event = make_event("رویداد آزمایشی", slug="", language="fa")
    page = get_page(client, event.get_absolute_url())
    time = page.find(cls="article__date").find("time")
    assert not ASCII_DIGITS.search(time.text), time.text
    assert "۱۶۰۰" in time.text
    assert time.get("datetime") == "2023-12-14T16:00:00+00:00"


def test_demo_persian_article(client):
    persian = demo_version("fa")
    assert persian is not None, "the demo has no published Persian version of its article"
    page = get_page(client, persian.get_absolute_url())
    assert html_lang_dir(page) == ("fa", "rtl")
    header = page.find("header", cls="article__header")
    time = header.find(cls="article__date").find("time")
    assert time.text == local_date(persian.published_at, "fa").translate(
        str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
    )
    assert PERSIAN_DIGITS.search(time.text)
    assert not ASCII_DIGITS.search(time.text)
    expert = Expert.objects.get(slug=DEMO_EXPERT)
    by = translated("fa", "by", context="byline: by <authors>")
    byline = header.find(cls="article__byline")
    assert byline.text == f"{by} {expert.get_translation('name', 'fa')}"
    assert byline.hrefs() == [f"/fa/experts/{DEMO_EXPERT}"]
    versions = header.section(translated("fa", "Also available in"))
    assert [(link.get("lang"), link.get("href")) for link in versions.links()] == [
        ("en", EN_URL),
        ("ar", AR_URL),
    ]
    topics = page.section(translated("fa", "Topics"))
    assert topics.hrefs() == [f"/fa/policy-analysis/{DEMO_TOPIC}"]


def test_demo_persian_pages_use_persian_digits(client):
    """Whatever Persian work the demo publishes is dated in Persian digits."""
    page = get_page(client, "/fa/")
    assert html_lang_dir(page) == ("fa", "rtl")
    dates = [card.find(cls="card__date").text for card in page.find_all("article", cls="card")]
    assert len(dates) == min(published("fa").count(), 20)
    for text in dates:
        assert PERSIAN_DIGITS.search(text), text
        assert not ASCII_DIGITS.search(text), text


# --- the event line in Arabic ------------------------------------------------------------------


def test_event_recommended_on_an_arabic_page_has_the_arabic_event_line(client):
    event = make_event("فعالية تجريبية", slug="", language="ar")
    article = make_article("مقالة توصي بفعالية", slug="", language="ar", recommendations=[event])
    page = get_page(client, article.get_absolute_url())
    recommended = page.section(translated("ar", "Recommended"))
    (card,) = recommended.find_all("article", cls="card")
    time = card.find(cls="card__date").find("time")
    template = translated("ar", EVENT_LINE)
    assert "%(gmt)s" in template
    assert time.text == expected_event_line(event, "ar")
    assert "1600" in time.text
    assert "ديسمبر" in time.text
    assert "starting at" not in time.text
    assert time.get("datetime") == "2023-12-14T16:00:00+00:00"


# --- the language switcher ---------------------------------------------------------------------


def test_switcher_on_the_english_demo_article(client):
    page = get_page(client, EN_URL)
    persian = demo_version("fa")
    assert_switcher(
        page,
        "en",
        {"ar": AR_URL, "fa": persian.get_absolute_url() if persian else HOME["fa"]},
    )


def test_switcher_on_the_arabic_demo_article(arabic_page):
    persian = demo_version("fa")
    assert_switcher(
        arabic_page,
        "ar",
        {"en": EN_URL, "fa": persian.get_absolute_url() if persian else HOME["fa"]},
    )


@pytest.mark.parametrize("unpublished", ["draft", "scheduled"])
def test_an_unpublished_translation_is_never_offered(client, unpublished):
    original = make_article("Only Draft Translated", slug="only-draft-translated")
    if unpublished == "draft":
        version = make_translation(original, "fa", "ترجمه پیش‌نویس", slug="", published=False)
    else:
        version = make_translation(
            original, "fa", "ترجمه زمان‌بندی‌شده", slug="", published_at=in_future(3)
        )
    response = client.get(original.get_absolute_url())
    page = parse(response)
    assert response.status_code == 200
    assert_switcher(page, "en", {"ar": HOME["ar"], "fa": HOME["fa"]})
    assert not page.find("header", cls="article__header").find_all(cls="article__translations")
    assert "Also available in" not in response.content.decode()
    html = response.content.decode()
    assert version.get_absolute_url() not in html
    assert version.slug not in html
    assert version.title not in html
    assert hreflang_alternates(page) == {}
    assert client.get(version.get_absolute_url()).status_code == 404


def test_an_arabic_article_whose_english_original_is_a_draft(client):
    original = make_article("Unpublished Original", slug="unpublished-original", published=False)
    arabic = make_translation(original, "ar", "ترجمة منشورة لأصل غير منشور", slug="")
    response = client.get(arabic.get_absolute_url())
    page = parse(response)
    assert response.status_code == 200
    assert_switcher(page, "ar", {"en": HOME["en"], "fa": HOME["fa"]})
    assert not page.find_all(cls="article__translations")
    assert original.get_absolute_url() not in response.content.decode()
    assert hreflang_alternates(page) == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_url_alone_decides_the_language(client, language):
    """Not the browser's languages, nor a language cookie: a URL is one language only."""
    others = ",".join(code for code in reversed(LANGUAGES) if code != language)
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = others.split(",")[0]
    for path in [HOME[language], f"{PREFIX[language]}/policy-analysis/{DEMO_TOPIC}"]:
        page = get_page(client, path, HTTP_ACCEPT_LANGUAGE=others)
        assert html_lang_dir(page)[0] == language, path


def test_switcher_on_a_topic_page(client):
    urls = {code: f"{PREFIX[code]}/policy-analysis/{DEMO_TOPIC}" for code in LANGUAGES}
    for code in LANGUAGES:
        assert_switcher(get_page(client, urls[code]), code, urls)


def test_switcher_on_a_region_page(client):
    urls = {code: f"{PREFIX[code]}/policy-analysis/{DEMO_REGION}" for code in LANGUAGES}
    for code in LANGUAGES:
        assert_switcher(get_page(client, urls[code]), code, urls)


def test_switcher_on_an_expert_page(client):
    urls = {code: f"{PREFIX[code]}/experts/{DEMO_EXPERT}" for code in LANGUAGES}
    for code in LANGUAGES:
        assert_switcher(get_page(client, urls[code]), code, urls)


def test_switcher_on_the_home_page(client):
    for code in LANGUAGES:
        assert_switcher(get_page(client, HOME[code]), code, HOME)


@pytest.mark.parametrize(
    "url, language",
    [
        ("/policy-analysis/no-such-page", "en"),
        ("/ar/policy-analysis/no-such-page", "ar"),
        ("/fa/experts/no-such-expert", "fa"),
        ("/experts/mushtaq-abd-manaf", "en"),  # a guest: no profile
        (f"/fa/policy-analysis/{AR_SLUG}", "fa"),  # the Arabic slug under another prefix
        (f"/ar/policy-analysis/{EN_SLUG}", "ar"),  # the English slug under /ar/
    ],
)
def test_switcher_on_a_404_page_offers_each_home_page(client, url, language):
    page = get_page(client, url, status=404)
    assert html_lang_dir(page) == (language, "ltr" if language == "en" else "rtl")
    assert_switcher(page, language, HOME)
    assert hreflang_alternates(page) == {}


# --- hreflang ----------------------------------------------------------------------------------


def test_hreflang_on_a_topic_page(client):
    urls = {code: f"{PREFIX[code]}/policy-analysis/{DEMO_TOPIC}" for code in LANGUAGES}
    expected = absolute({**urls, "x-default": urls["en"]})
    for code in LANGUAGES:
        assert hreflang_alternates(get_page(client, urls[code])) == expected


def test_hreflang_on_the_home_and_expert_pages(client):
    expected = absolute({**HOME, "x-default": HOME["en"]})
    for code in LANGUAGES:
        assert hreflang_alternates(get_page(client, HOME[code])) == expected
    urls = {code: f"{PREFIX[code]}/experts/{DEMO_EXPERT}" for code in LANGUAGES}
    for code in LANGUAGES:
        alternates = hreflang_alternates(get_page(client, urls[code]))
        assert alternates == absolute({**urls, "x-default": urls["en"]})


def test_hreflang_on_an_article_lists_only_published_versions(client):
    original = make_article("Hreflang Original", slug="hreflang-original")
    arabic = make_translation(original, "ar", "النسخة العربية للاختبار", slug="")
    persian = make_translation(original, "fa", "پیش‌نویس فارسی", slug="", published=False)
    expected = absolute(
        {
            "en": original.get_absolute_url(),
            "ar": arabic.get_absolute_url(),
            "x-default": original.get_absolute_url(),
        }
    )
    for article in (original, arabic):
        page = get_page(client, article.get_absolute_url())
        assert hreflang_alternates(page) == expected
        assert persian.get_absolute_url() not in str(page.find("head").find_all("link"))


def test_hreflang_on_the_demo_article(client):
    urls = {"en": EN_URL, "ar": AR_URL}
    persian = demo_version("fa")
    if persian is not None:
        urls["fa"] = persian.get_absolute_url()
    expected = absolute({**urls, "x-default": EN_URL})
    for url in urls.values():
        assert hreflang_alternates(get_page(client, url)) == expected


def test_hreflang_x_default_is_the_same_on_every_version(client):
    """
    A piece with no English version: every version names the same x-default (an
    hreflang cluster must agree), here the first in settings.LANGUAGES, Arabic.
    """
    arabic = make_article("مقالة بلا نسخة إنجليزية", slug="", language="ar")
    persian = make_translation(arabic, "fa", "مقاله بدون نسخه انگلیسی", slug="")
    expected = absolute(
        {
            "ar": arabic.get_absolute_url(),
            "fa": persian.get_absolute_url(),
            "x-default": arabic.get_absolute_url(),
        }
    )
    assert hreflang_alternates(get_page(client, arabic.get_absolute_url())) == expected
    assert hreflang_alternates(get_page(client, persian.get_absolute_url())) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_hreflang_on_an_article_without_translations(client, language):
    article = make_article(f"Untranslated {language}", language=language)
    page = get_page(client, article.get_absolute_url())
    assert hreflang_alternates(page) == {}
    assert_switcher(page, language, {**HOME, language: article.get_absolute_url()})


# --- every public page under each prefix ---------------------------------------------------------

PUBLIC_PATHS = [
    "/",
    f"/policy-analysis/{DEMO_TOPIC}",
    f"/policy-analysis/{DEMO_REGION}",
    f"/experts/{DEMO_EXPERT}",
]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_exists_in_every_language(client, language, path):
    page = get_page(client, PREFIX[language] + path)
    assert html_lang_dir(page) == (language, "ltr" if language == "en" else "rtl")
    # Links inside the site stay in the page's language, except to work in another
    # language (marked with its `lang`).
    for link in page.find("main").links():
        href = link.get("href") or ""
        if href.startswith("/") and not href.startswith("/media/") and link.get("lang") is None:
            assert url_language(href) == language, href


def assert_lists_its_language_only(page, language, expected_titles):
    titles = card_titles(page)
    assert titles == expected_titles
    others = {
        title for title in published().exclude(language=language).values_list("title", flat=True)
    }
    assert not set(titles) & others
    for card in page.find("main").find_all(cls="card__title"):
        (link,) = card.links()
        assert link.get("href").startswith(f"{PREFIX[language]}/policy-analysis/")
        assert link.get("lang") is None  # in the page's language


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_lists_its_language_only(client, language):
    page = get_page(client, HOME[language])
    expected = newest_titles(published(language))
    if language in ("en", "ar"):
        assert expected, f"the demo has no {language} work"
    assert_lists_its_language_only(page, language, expected)


@pytest.mark.parametrize("language", LANGUAGES)
def test_topic_page_lists_its_language_only(client, language):
    topic = Topic.objects.get(slug=DEMO_TOPIC)
    page = get_page(client, f"{PREFIX[language]}/policy-analysis/{DEMO_TOPIC}")
    assert page.find("h1").text == topic.get_translation("name", language)
    expected = newest_titles(published(language).filter(topics=topic))
    assert_lists_its_language_only(page, language, expected)
    if not expected:
        assert page.find(cls="empty").text == translated(language, EMPTY_LIST)


@pytest.mark.parametrize("language", LANGUAGES)
def test_region_page_lists_its_language_only_including_subregions(client, language):
    region = Region.objects.get(slug=DEMO_REGION)
    page = get_page(client, f"{PREFIX[language]}/policy-analysis/{DEMO_REGION}")
    assert page.find("h1").text == region.get_translation("name", language)
    expected = newest_titles(published(language).filter(regions__in=region_and_descendants(region)))
    if language in ("en", "ar"):
        assert expected
    assert_lists_its_language_only(page, language, expected)
    # The sub-regions and the breadcrumb are in the page's language too.
    for child in region.children.all():
        link = page.find("a", href=f"{PREFIX[language]}/policy-analysis/{child.slug}")
        assert link.text == child.get_translation("name", language)


def test_arabic_lists_show_arabic_titles_not_english_ones(client):
    english = set(published("en").values_list("title", flat=True))
    arabic = set(published("ar").values_list("title", flat=True))
    assert english and arabic
    for url in ["/ar/", f"/ar/policy-analysis/{DEMO_TOPIC}", f"/ar/policy-analysis/{DEMO_REGION}"]:
        titles = set(card_titles(get_page(client, url)))
        assert titles, url
        assert titles <= arabic, url
        assert not titles & english, url
    for url in ["/", f"/policy-analysis/{DEMO_TOPIC}", f"/policy-analysis/{DEMO_REGION}"]:
        titles = set(card_titles(get_page(client, url)))
        assert titles <= english, url
        assert not titles & arabic, url


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_topic_with_no_work_in_a_language_shows_the_translated_empty_message(client, language):
    topic = make_topic("Only In English")
    make_article("English Work on a Topic", topics=[topic])
    make_article("Draft in another language", language=language, topics=[topic], published=False)
    page = get_page(client, f"{PREFIX[language]}/policy-analysis/{topic.slug}")
    assert html_lang_dir(page) == (language, "rtl")
    assert card_titles(page) == []
    assert page.find(cls="empty").text == translated(language, EMPTY_LIST)
    assert page.find("h2", cls="label").text == translated(language, "Latest work")
    # In English, the work is listed.
    assert card_titles(get_page(client, f"/policy-analysis/{topic.slug}")) == [
        "English Work on a Topic"
    ]


@pytest.mark.parametrize(
    "url", ["/xx/", "/de/policy-analysis/x", "/AR/", "/xx/policy-analysis/" + DEMO_TOPIC, "/en/"]
)
def test_unknown_prefixes_are_404(client, url):
    response = client.get(url)
    assert response.status_code == 404, (url, response.status_code)
    assert "<html" in response.content.decode()  # the site's 404 page, not a server error


# --- fallbacks of translated names ----------------------------------------------------------------


def test_topic_with_only_an_arabic_name(client):
    topic = make_topic("Water Security", translations={"ar": {"name": "الأمن المائي"}})
    arabic = make_article("مقالة عن المياه", slug="", language="ar", topics=[topic])
    persian = make_article("مقاله درباره آب", slug="", language="fa", topics=[topic])
    ar_page = get_page(client, f"/ar/policy-analysis/{topic.slug}")
    assert ar_page.find("h1").text == "الأمن المائي"
    assert ar_page.find("title").text.startswith("الأمن المائي")
    fa_page = get_page(client, f"/fa/policy-analysis/{topic.slug}")
    assert fa_page.find("h1").text == "Water Security"
    assert get_page(client, f"/policy-analysis/{topic.slug}").find("h1").text == "Water Security"
    # And beside the articles.
    aside = get_page(client, arabic.get_absolute_url()).section(translated("ar", "Topics"))
    assert [(link.text, link.get("href")) for link in aside.links()] == [
        ("الأمن المائي", f"/ar/policy-analysis/{topic.slug}")
    ]
    aside = get_page(client, persian.get_absolute_url()).section(translated("fa", "Topics"))
    assert [(link.text, link.get("href")) for link in aside.links()] == [
        ("Water Security", f"/fa/policy-analysis/{topic.slug}")
    ]


def test_expert_without_an_arabic_bio_shows_the_english_one(client):
    expert = make_expert(
        "Bio Fallback",
        role="Fellow",
        bio="<p>The English bio of this expert.</p>",
        translations={"ar": {"name": "خبير الاختبار"}, "fa": {"bio": "<p>زندگینامه فارسی.</p>"}},
    )
    ar_page = get_page(client, f"/ar/experts/{expert.slug}")
    assert ar_page.find("h1").text == "خبير الاختبار"
    assert ar_page.find(cls="profile__bio").text == "The English bio of this expert."
    assert ar_page.find(cls="profile__role").text == "Fellow"
    fa_page = get_page(client, f"/fa/experts/{expert.slug}")
    assert fa_page.find("h1").text == "Bio Fallback"
    assert fa_page.find(cls="profile__bio").text == "زندگینامه فارسی."


def test_demo_expert_profile_in_arabic(client):
    expert = Expert.objects.get(slug=DEMO_EXPERT)
    page = get_page(client, f"/ar/experts/{DEMO_EXPERT}")
    assert page.find("h1").text == expert.get_translation("name", "ar")
    assert page.find("h1").text != expert.name, "the demo expert has no Arabic name"
    publications = page.section(translated("ar", "Publications"))
    titles = [title.text for title in publications.find_all(cls="card__title")]
    # Arabic work first, then the rest (marked with its own language).
    arabic = set(published("ar").filter(authors=expert).values_list("title", flat=True))
    assert arabic
    assert set(titles[: len(arabic)]) == arabic
    for card in publications.find_all(cls="card__title")[len(arabic) :]:
        (link,) = card.links()
        assert link.get("lang") != "ar"


# --- slugs from Arabic and Persian titles ---------------------------------------------------------


def test_arabic_title_gets_the_transliterated_slug(client):
    title = "قمة مجموعة العشرين في الرياض ٢٠٢٣"
    article = make_article(title, slug="", language="ar")
    assert article.slug == slugify_title(title)
    assert article.slug == "qma-mjmwa-alshryn-fy-alryad-2023"
    assert get_page(client, f"/ar/policy-analysis/{article.slug}").find("h1").text == title


def test_same_title_in_the_same_language_gets_a_numbered_slug(client):
    title = "الطاقة في الخليج بعد الحرب"
    first = make_article(title, slug="", language="ar")
    second = make_article(title, slug="", language="ar")
    third = make_article(title, slug="", language="ar")
    assert second.slug == f"{first.slug}-2"
    assert third.slug == f"{first.slug}-3"
    for article in (first, second, third):
        assert client.get(article.get_absolute_url()).status_code == 200


def test_same_title_in_another_language_may_reuse_the_slug(client):
    title = "ایران و روسیه"
    persian = make_article(title, slug="", language="fa")
    arabic = make_article(title, slug="", language="ar")
    assert persian.slug == arabic.slug == slugify_title(title)
    assert persian.get_absolute_url() != arabic.get_absolute_url()
    assert get_page(client, persian.get_absolute_url()).find("h1").text == title
    assert get_page(client, arabic.get_absolute_url()).find("h1").text == title


@pytest.mark.parametrize("language", LANGUAGES)
def test_title_whose_slug_is_a_topics_gets_a_free_variant(client, language):
    topic = make_topic("Water Rights", slug="water-rights")
    region = make_region("Nile Basin", slug="alnyl")
    by_topic = make_article("Water Rights", slug="", language=language)
    by_region = make_article("النيل", slug="", language=language)
    assert slugify_title("النيل") == "alnyl"
    assert by_topic.slug == "water-rights-2"
    assert by_region.slug == "alnyl-2"
    # The topic and region keep their pages in every language; the articles have theirs.
    for code in LANGUAGES:
        assert get_page(client, f"{PREFIX[code]}/policy-analysis/water-rights").find(
            "h1"
        ).text == topic.get_translation("name", code)
        assert get_page(client, f"{PREFIX[code]}/policy-analysis/alnyl").find(
            "h1"
        ).text == region.get_translation("name", code)
    assert get_page(client, by_topic.get_absolute_url()).find("h1").text == "Water Rights"
    assert get_page(client, by_region.get_absolute_url()).find("h1").text == "النيل"


# --- queries in Arabic -------------------------------------------------------------------------

ARTICLE_PAGE_BUDGET = 12


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries), response


def build_page(language, label, *, authors=8, taxonomy=12, recommendations=6):
    """An article in `language` with translated names everywhere, and versions in the others."""
    program = make_program(translations={"ar": {"name": f"برنامج {label}"}})
    experts = [
        make_expert(
            program=program,
            photo=index == 0,
            translations={"ar": {"name": f"خبير {index}", "short_bio": "نبذة قصيرة."}},
        )
        for index in range(authors)
    ]
    topics = [make_topic(translations={"ar": {"name": f"موضوع {i}"}}) for i in range(taxonomy)]
    parent = make_region(translations={"ar": {"name": "منطقة أم"}})
    regions = [
        make_region(parent=parent, translations={"ar": {"name": f"منطقة {i}"}})
        for i in range(taxonomy)
    ]
    picks = []
    for index in range(recommendations):
        pick_authors = [make_expert(program=program), make_guest(), make_expert()]
        if index == 0:
            picks.append(make_event(language=language, authors=pick_authors))
        else:
            picks.append(make_article(language=language, authors=pick_authors))
    kind = PublicationType.objects.get(slug="policy-analysis")
    article = make_article(
        f"Budget {label}",
        language=language,
        publication_type=kind,
        authors=experts,
        topics=topics,
        regions=regions,
        recommendations=picks,
        outlet_name="19FortyFive",
        outlet_url="https://example.org/original",
        footer_note="<p>Footer.</p>",
    )
    for code in LANGUAGES:
        if code != language:
            make_translation(article, code, f"Budget {label} in {code}")
    return article


def test_arabic_article_page_makes_as_many_queries_as_the_english_one(client):
    english = build_page("en", "english")
    arabic = build_page("ar", "arabic")
    english_count, _response = count_queries(client, english.get_absolute_url())
    arabic_count, response = count_queries(client, arabic.get_absolute_url())
    page = parse(response)
    assert html_lang_dir(page) == ("ar", "rtl")
    assert len(page.find("ul", cls="recommended").find_all("article")) == 6
    assert "خبير 7" in page.find(cls="article__byline").text
    assert arabic_count == english_count
    assert arabic_count <= ARTICLE_PAGE_BUDGET


def test_arabic_article_page_queries_do_not_grow_with_authors(client):
    one = build_page("ar", "one", authors=1, taxonomy=1, recommendations=1)
    eight = build_page("ar", "eight", authors=8, taxonomy=12, recommendations=6)
    one_count, _response = count_queries(client, one.get_absolute_url())
    eight_count, _response = count_queries(client, eight.get_absolute_url())
    assert one_count == eight_count
    assert eight_count <= ARTICLE_PAGE_BUDGET


def test_list_pages_make_as_many_queries_in_each_language(client):
    """The same work in each language (authors, types, an event): the same queries."""
    topic = make_topic(translations={"ar": {"name": "موضوع القوائم"}})
    parent = make_region(translations={"fa": {"name": "منطقه"}})
    region = make_region(parent=parent)
    expert = make_expert(translations={"ar": {"name": "خبير القوائم"}})
    for language in LANGUAGES:
        for index in range(3):
            authors = [expert, make_expert(), make_guest()][: index + 1]
            make_article(language=language, authors=authors, topics=[topic], regions=[region])
        make_event(language=language, authors=[expert], topics=[topic], regions=[region])
    paths = [
        f"/policy-analysis/{topic.slug}",
        f"/policy-analysis/{parent.slug}",
        f"/experts/{expert.slug}",
    ]
    for path in paths:
        counts = {}
        for language in LANGUAGES:
            counts[language], response = count_queries(client, PREFIX[language] + path)
            # An expert's page lists the work in every language, the page's first.
            shown = 4 * len(LANGUAGES) if path.startswith("/experts/") else 4
            assert len(card_titles(parse(response))) == shown, (language, path)
        assert len(set(counts.values())) == 1, (path, counts)
    counts = {language: count_queries(client, HOME[language])[0] for language in LANGUAGES}
    assert len(set(counts.values())) == 1, ("home", counts)
