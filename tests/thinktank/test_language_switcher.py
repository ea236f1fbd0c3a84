"""
The language switcher and the hreflang alternates: each language links the same
content where a published version exists, else its home page.

Labels are computed with translation.override() + gettext, never hard-coded.
"""

import pytest
from django.conf import settings as django_settings
from django.test import override_settings

from tests.helpers.factories import (
    in_future,
    make_article,
    make_translation,
)
from tests.helpers.htmlpage import get_page, parse
from tests.helpers.multilingual import (
    AR_SLUG,
    AR_URL,
    DEMO_EXPERT,
    DEMO_REGION,
    DEMO_TOPIC,
    EN_SLUG,
    EN_URL,
    HOME,
    LANGUAGES,
    PREFIX,
    absolute,
    assert_switcher,
    demo_version,
    hreflang_alternates,
    html_lang_dir,
)
from thinktank import languages

pytestmark = pytest.mark.usefixtures("demo_once", "db")


# --- the language switcher ---------------------------------------------------------------------


def test_switcher_on_the_english_demo_article(client):
    page = get_page(client, EN_URL)
    persian = demo_version("fa")
    assert_switcher(
        page,
        "en",
        {"ar": AR_URL, "fa": persian.get_absolute_url() if persian else HOME["fa"]},
    )


def test_switcher_on_the_arabic_demo_article(client):
    persian = demo_version("fa")
    assert_switcher(
        get_page(client, AR_URL),
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


def test_a_page_is_looked_up_in_each_language_once_a_process(client, monkeypatch):
    # The switcher, hreflang and og:locale:alternate all need it: worked out once, and
    # again only when settings change (the URLconf's answer).
    calls = []
    translate = languages.translate_url
    monkeypatch.setattr(
        languages, "translate_url", lambda *args: calls.append(args) or translate(*args)
    )
    languages.forget_routes()
    urls = {code: f"{PREFIX[code]}/policy-analysis/{DEMO_TOPIC}" for code in LANGUAGES}
    for query in ("", "?page-miss=1"):
        page = get_page(client, urls["ar"] + query)
        assert_switcher(page, "ar", urls)
        assert hreflang_alternates(page) == absolute({**urls, "x-default": urls["en"]})
    assert len(calls) == len(LANGUAGES)
    with override_settings(SITE_NAME="Another Institute"):  # any setting
        get_page(client, urls["ar"] + "?page-miss=2")
    assert len(calls) == 2 * len(LANGUAGES)
