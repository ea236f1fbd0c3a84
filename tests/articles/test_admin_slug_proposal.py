"""
The slug proposed as the title is typed: each admin's slug-proposal endpoint answers
with the server's own slug (thinktank.transliteration) for any title, Arabic and
Persian included, made free where the model's slugs must be; the slug input asks it
on a new object only; Django's prepopulated_fields (no Arabic) is gone.
"""

import json

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.factories import make_article, make_expert, make_program, make_topic
from tests.helpers.htmlpage import parse
from thinktank.transliteration import slugify_title

pytestmark = pytest.mark.django_db

ADMINS = [
    "articles_article",
    "taxonomy_topic",
    "taxonomy_region",
    "experts_expert",
    "experts_program",
]
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى ًٌٍَُِّْـ"
PERSIAN = "پچژگکیۀ‌‏"
titles = st.text(
    alphabet=st.sampled_from(ARABIC + PERSIAN + "abcXYZ 0123٠١٢۳۴-'’،؟.&éçÆß\t"), max_size=80
) | st.text(max_size=40)


def proposal(client, admin_name, title, **params):
    url = reverse(f"admin:{admin_name}_slug_proposal")
    response = client.get(url, {"title": title, **params})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)["slug"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=titles, admin_name=st.sampled_from(ADMINS))
def test_the_proposal_is_the_servers_slug(admin_client, title, admin_name):
    """Nothing is taken: the endpoint answers exactly what the server's rules make."""
    assert proposal(admin_client, admin_name, title) == slugify_title(title, max_length=196)


def test_arabic_and_persian_titles_are_transliterated(admin_client):
    assert proposal(admin_client, "taxonomy_topic", "قمة G20 في 2023") == "qma-g20-fy-2023"
    assert proposal(admin_client, "experts_expert", "ژاله پژوهشگر") == "zhalh-pzhwhshgr"
    assert proposal(admin_client, "articles_article", "؟") == ""


def test_a_taken_slug_gets_a_number(admin_client):
    make_topic("Energy", slug="energy")
    make_program("Energy Program", slug="energy-program")
    make_expert("Energy Expert", slug="energy-expert")
    # Topics, regions and articles share /policy-analysis/<slug>.
    assert proposal(admin_client, "taxonomy_region", "Energy") == "energy-2"
    assert proposal(admin_client, "experts_program", "Energy program") == "energy-program-2"
    assert proposal(admin_client, "experts_expert", "energy expert") == "energy-expert-2"
    assert proposal(admin_client, "experts_expert", "energy") == "energy"


def test_an_article_slug_is_free_in_its_language(admin_client):
    make_article("Oil and gas", slug="oil-and-gas", language="ar")
    assert (
        proposal(admin_client, "articles_article", "Oil and gas", language="ar") == "oil-and-gas-2"
    )
    assert proposal(admin_client, "articles_article", "Oil and gas", language="en") == "oil-and-gas"
    # A language that is not one of the site's is the source language.
    assert proposal(admin_client, "articles_article", "Oil and gas", language="xx") == "oil-and-gas"


def test_a_very_long_title_fits_the_slug(admin_client):
    slug = proposal(admin_client, "taxonomy_topic", "word " * 5000)
    assert 0 < len(slug) <= 196


def test_only_staff_who_may_add_or_change_are_answered(client, contributor, expert_manager):
    url = reverse("admin:experts_expert_slug_proposal")
    assert client.get(url, {"title": "x"}).status_code == 302  # to the login page
    client.force_login(contributor)
    assert client.get(url, {"title": "x"}).status_code == 403
    client.force_login(expert_manager)
    assert client.get(url, {"title": "x"}).status_code == 200


@pytest.mark.parametrize("admin_name", [*ADMINS, "articles_publicationtype"])
def test_a_new_objects_slug_input_asks_for_a_proposal(admin_client, admin_name):
    app, model = admin_name.split("_")
    page = parse(admin_client.get(reverse(f"admin:{admin_name}_add")))
    slug = page.find("input", name="slug")
    assert slug.get("data-slug-url") == reverse(f"admin:{admin_name}_slug_proposal")
    source = "id_title" if model == "article" else "id_name"
    assert slug.get("data-slug-source") == source
    assert page.find(id=source)
    assert (slug.get("lang"), slug.get("dir")) == ("en", "ltr")
    scripts = [script.get("src") or "" for script in page.find_all("script")]
    assert any(src.endswith("js/slug-proposal.js") for src in scripts)
    # Django's own prepopulation (which drops Arabic letters) is not used.
    constants = page.find(id="django-admin-prepopulated-fields-constants")
    assert json.loads(constants.get("data-prepopulated-fields")) == []


def test_a_saved_objects_slug_is_not_proposed_again(admin_client):
    """Once saved (perhaps published), a new title does not change the address."""
    for url in (
        reverse("admin:articles_article_change", args=[make_article("Saved").pk]),
        reverse("admin:experts_expert_change", args=[make_expert("Saved Expert").pk]),
    ):
        slug = parse(admin_client.get(url)).find("input", name="slug")
        assert slug.get("data-slug-url") is None, url
