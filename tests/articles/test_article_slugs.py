"""
Slugs made from Arabic and Persian titles, unique within a language and the
one /policy-analysis/ namespace.

Labels are computed with translation.override() + gettext, never hard-coded.
"""

import pytest

from tests.helpers.factories import (
    make_article,
    make_region,
    make_topic,
)
from tests.helpers.htmlpage import get_page
from tests.helpers.multilingual import (
    LANGUAGES,
    PREFIX,
)
from thinktank.transliteration import slugify_title

pytestmark = pytest.mark.usefixtures("demo_once", "db")


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
