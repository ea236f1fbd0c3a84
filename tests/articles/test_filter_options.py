"""
The filter form's options (articles.filters.ArticleFilterForm.options) are remembered
by the page cache per language: read once, then again only when an expert enters,
leaves or moves in the lists of experts, or a topic, region, type or program changes.
"""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from articles import taxonomy_services
from articles.filters import CHOICE_FIELDS, ArticleFilterForm
from experts import services as expert_services
from experts.models import Expert
from tests.helpers.factories import make_article, make_expert, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    dana, gulf = make_expert("Dana Stroul"), make_topic("Gulf Security")
    make_article("Deterrence in the Gulf", authors=[dana], topics=[gulf])
    return {"dana": dana, "gulf": gulf}


def options(language="en"):
    with translation.override(language):
        return ArticleFilterForm(None, language=language).options()


def listing(client, query):
    with translation.override("en"):
        response = client.get(reverse("articles:list") + query)
    assert response.status_code == 200
    return response.content


def fresh(client, query):
    with override_settings(PAGE_CACHE_SECONDS=0):
        return listing(client, query)


def test_the_options_are_read_once_for_each_language(site):
    english = options()
    with CaptureQueriesContext(connection) as queries:
        assert options() == english
    assert len(queries) == 0
    assert ("dana-stroul", "Dana Stroul") in english["expert"]
    assert options("ar")["topic"][0] == ("", "الكل")  # "All", in the page's language


@pytest.mark.parametrize("change", ["renamed", "added"])
def test_an_expert_renamed_or_added_is_in_the_options(client, site, expert_manager, change):
    listing(client, "?page-miss=1")
    if change == "renamed":
        expert = site["dana"]
        expert.name = "Dana Haddad"
    else:
        expert = Expert(name="Dana Haddad", slug="dana-haddad", kind=Expert.Kind.FELLOW)
    expert_services.expert_save(expert, user=expert_manager)
    body = listing(client, "?page-miss=2")
    assert b">Dana Haddad</option>" in body
    assert body == fresh(client, "?page-miss=2")


def test_a_topic_renamed_is_in_the_options(client, site, editor):
    listing(client, "?page-miss=1")
    gulf = site["gulf"]
    gulf.name = "Gulf and Red Sea Security"
    taxonomy_services.topic_or_region_save(gulf, user=editor)
    body = listing(client, "?page-miss=2")
    assert b">Gulf and Red Sea Security</option>" in body
    assert body == fresh(client, "?page-miss=2")


@override_settings(PAGE_CACHE_SECONDS=0)
def test_filtering_by_the_form_reads_no_options_until_it_is_shown(site):
    form = ArticleFilterForm({"topic": site["gulf"].slug}, language="en")
    with CaptureQueriesContext(connection) as queries:
        assert form.filters()["topic"] == site["gulf"]
    assert len(queries) == 1  # the topic chosen, not the options of five lists
    with CaptureQueriesContext(connection) as queries:
        shown = str(form["topic"])
    assert f'<option value="{site["gulf"].slug}" selected>Gulf Security</option>' in shown
    assert str(form["type"]) and len(queries) == len(CHOICE_FIELDS)  # read once, all five


def rendered_forms(response):
    return [t.name for t in response.templates].count("includes/filter_form.html")


def test_a_page_miss_writes_the_form_of_its_filters_once(client, site):
    with translation.override("en"):
        url = reverse("articles:list") + "?topic=gulf-security&expert=nobody"
        first = client.get(url + "&page-miss=1")
        again = client.get(url + "&page-miss=2")
        other = client.get(reverse("articles:list") + "?topic=gulf-security&page-miss=3")
    assert rendered_forms(first) == 1 and rendered_forms(again) == 0
    assert again.content == fresh(client, "?topic=gulf-security&expert=nobody&page-miss=2")
    assert b"There is no expert" in again.content
    assert rendered_forms(other) == 1  # other filters, another form
    assert b"There is no expert" not in other.content


def test_a_kept_form_refusing_an_expert_takes_them_once_listed(client, site, expert_manager):
    query = "?expert=dana-haddad&page-miss="
    assert "There is no expert “dana-haddad”" in listing(client, query + "1").decode()
    expert = Expert(name="Dana Haddad", slug="dana-haddad", kind=Expert.Kind.FELLOW)
    expert_services.expert_save(expert, user=expert_manager)
    body = listing(client, query + "2")
    assert b'<option value="dana-haddad" selected>Dana Haddad</option>' in body
    assert b"There is no expert" not in body
    assert body == fresh(client, query + "2")


def test_the_form_is_kept_in_each_language(client, site):
    listing(client, "?topic=gulf-security&page-miss=1")
    with translation.override("ar"):
        url = reverse("articles:list") + "?topic=gulf-security&page-miss=2"
        arabic = client.get(url)
        with override_settings(PAGE_CACHE_SECONDS=0):
            assert arabic.content == client.get(url).content
    assert rendered_forms(arabic) == 1
    assert "الكل" in arabic.content.decode()
