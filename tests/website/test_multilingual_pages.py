"""
Every public page under each language prefix, listing that language's work only,
and translated names falling back to English.

Labels are computed with translation.override() + gettext, never hard-coded.
"""

import pytest

from articles.models import Feature, PublicationType, Region, Topic
from experts.models import Expert
from tests.helpers.factories import (
    make_article,
    make_expert,
    make_topic,
)
from tests.helpers.htmlpage import get_page
from tests.helpers.multilingual import (
    DEMO_EXPERT,
    DEMO_REGION,
    DEMO_TOPIC,
    EMPTY_LIST,
    HOME,
    LANGUAGES,
    OTHER_LANGUAGES,
    PREFIX,
    card_titles,
    html_lang_dir,
    newest_titles,
    published,
    region_and_descendants,
    translated,
    url_language,
)

pytestmark = pytest.mark.usefixtures("demo_once", "db")


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
    # The features in this language, in their order; then the latest three of
    # each type without the features (events apart, in the types' order); then the
    # upcoming events, soonest first.
    featured = [
        feature.article
        for feature in Feature.objects.on_home().order_by("position", "pk")
        if feature.article.language == language
    ]
    expected = [article.title for article in featured]
    for publication_type in PublicationType.objects.filter(is_event=False):
        of_type = published(language).filter(publication_type=publication_type)
        expected += newest_titles(of_type.exclude(pk__in=[a.pk for a in featured]), 3)
    upcoming = published(language).events().upcoming().soonest_first()
    expected += list(upcoming.values_list("title", flat=True)[:3])
    if language in ("en", "ar"):
        assert featured, f"the demo features no {language} work on the home page"
        assert expected, f"the demo has no {language} work"
    assert_lists_its_language_only(page, language, expected)


@pytest.mark.parametrize("language", LANGUAGES)
def test_topic_page_lists_its_language_only(client, language):
    topic = Topic.objects.get(slug=DEMO_TOPIC)
    page = get_page(client, f"{PREFIX[language]}/policy-analysis/{DEMO_TOPIC}")
    assert page.find("h1").text == topic.get_translation("name", language)
    # The features in this language first, then the latest work.
    features = Feature.objects.on(topic).articles(language)
    expected = [article.title for article in features]
    expected += newest_titles(published(language).filter(topics=topic))
    assert_lists_its_language_only(page, language, expected)
    if not expected:
        assert page.find(cls="empty").text == translated(language, EMPTY_LIST)


@pytest.mark.parametrize("language", LANGUAGES)
def test_region_page_lists_its_language_only_including_subregions(client, language):
    region = Region.objects.get(slug=DEMO_REGION)
    page = get_page(client, f"{PREFIX[language]}/policy-analysis/{DEMO_REGION}")
    assert page.find("h1").text == region.get_translation("name", language)
    features = Feature.objects.on(region).articles(language)
    expected = [article.title for article in features]
    expected += newest_titles(
        published(language).filter(regions__in=region_and_descendants(region))
    )
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
