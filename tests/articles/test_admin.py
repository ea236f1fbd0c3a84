"""The admin, as a superuser: every registered model's pages, and writing an article."""

import pytest
from django.contrib import admin
from django.urls import reverse

from articles.models import Article, ArticleAuthor
from tests.helpers.adminforms import article_form_data
from tests.helpers.factories import (
    make_article,
    make_expert,
    make_publication_type,
    make_region,
    make_topic,
)
from tests.helpers.htmlpage import parse

pytestmark = pytest.mark.django_db

# {(app_label, model_name): model} for every model registered with the admin site.
MODELS = {(model._meta.app_label, model._meta.model_name): model for model in admin.site._registry}
REGISTERED = sorted(MODELS)
# The admin's own stylesheets, in their order (thinktank/admin_site.py).
ADMIN_SHEETS = ["/static/css/admin.css", "/static/css/admin-editor-tools.css"]
MAIN_SLUG = (
    "putins-alignment-in-middle-east-should-signal-to-israel-its-time-for-a-change-of-allegiance"
)


def admin_url(app_label, model_name, view, *args):
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


def test_the_project_models_are_registered():
    assert {
        ("articles", "article"),
        ("articles", "publicationtype"),
        ("taxonomy", "topic"),
        ("taxonomy", "region"),
        ("articles", "translationset"),
        ("experts", "expert"),
        ("experts", "program"),
    } <= set(REGISTERED)


@pytest.mark.parametrize("app_label, model_name", REGISTERED)
def test_changelist_and_add_form_open_empty(admin_client, app_label, model_name):
    for view in ["changelist", "add"]:
        response = admin_client.get(admin_url(app_label, model_name, view))
        assert response.status_code == 200, (app_label, model_name, view)


@pytest.mark.usefixtures("demo_for_class")
class TestWithDemo:
    @pytest.mark.parametrize("app_label, model_name", REGISTERED)
    def test_changelist_add_and_change_forms_open(self, admin_client, app_label, model_name):
        for view in ["changelist", "add"]:
            response = admin_client.get(admin_url(app_label, model_name, view))
            assert response.status_code == 200, (app_label, model_name, view)
        model = MODELS[(app_label, model_name)]
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            response = admin_client.get(admin_url(app_label, model_name, "change", first.pk))
            assert response.status_code == 200, (app_label, model_name, "change")

    def test_change_form_of_the_demo_article(self, admin_client):
        article = Article.objects.get(language="en", slug=MAIN_SLUG)
        response = admin_client.get(admin_url("articles", "article", "change", article.pk))
        assert response.status_code == 200
        page = parse(response)
        assert page.find("input", name="title").get("value") == article.title
        assert page.find("input", name="authorships-TOTAL_FORMS").get("value") == "1"
        assert page.find("input", name="recommendations-TOTAL_FORMS").get("value") == "3"

    def test_changelist_search_and_filters(self, admin_client):
        url = admin_url("articles", "article", "changelist")
        for query in ["?q=Borshchevskaya", "?status__exact=draft", "?language__exact=ar", "?q=%00"]:
            assert admin_client.get(url + query).status_code == 200, query

    def test_expert_change_form(self, admin_client):
        from experts.models import Expert

        expert = Expert.objects.get(slug="anna-borshchevskaya")
        response = admin_client.get(admin_url("experts", "expert", "change", expert.pk))
        assert response.status_code == 200


def test_create_article_with_authors_through_the_admin(admin_client, client):
    # Created in the opposite order to the byline, so the order comes from `position`.
    second = make_expert("Byline Second")
    first = make_expert("Byline First")
    topic = make_topic("Great Power Competition")
    region = make_region("Israel")
    data = article_form_data(
        topics=[str(topic.pk)],
        regions=[str(region.pk)],
        **{
            "authorships-TOTAL_FORMS": "2",
            "authorships-0-expert": str(first.pk),
            "authorships-0-position": "0",
            "authorships-1-expert": str(second.pk),
            "authorships-1-position": "1",
        },
    )
    response = admin_client.post(admin_url("articles", "article", "add"), data)
    assert response.status_code == 302, parse(response).find_all(cls="errorlist")
    article = Article.objects.get(slug="written-in-the-admin")
    assert [a.expert for a in ArticleAuthor.objects.filter(article=article)] == [first, second]
    assert list(article.topics.all()) == [topic]
    assert list(article.regions.all()) == [region]
    assert "<script" not in article.body
    assert article.translation_set_id is not None
    page = client.get("/policy-analysis/written-in-the-admin")
    assert page.status_code == 200
    byline = parse(page).find(cls="article__byline")
    assert [link.text for link in byline.links()] == ["Byline First", "Byline Second"]


def test_slug_taken_by_a_topic_is_shown_on_the_form_and_nothing_is_saved(admin_client):
    make_topic("Great Power Competition")
    expert = make_expert("Some Author")
    before = Article.objects.count()
    data = article_form_data(
        slug="great-power-competition",
        **{
            "authorships-TOTAL_FORMS": "1",
            "authorships-0-expert": str(expert.pk),
            "authorships-0-position": "0",
        },
    )
    response = admin_client.post(admin_url("articles", "article", "add"), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Please correct the error below." in content
    errors = parse(response).find("div", cls="field-slug").find(cls="errorlist")
    assert "/policy-analysis/great-power-competition is already used by the topic" in errors.text
    assert Article.objects.count() == before
    assert not ArticleAuthor.objects.exists()


def test_slug_taken_by_another_article_in_the_language_is_refused(admin_client):
    make_article("Existing", slug="existing-slug", language="ar")
    response = admin_client.post(
        admin_url("articles", "article", "add"),
        article_form_data(slug="existing-slug", language="ar"),
    )
    assert response.status_code == 200
    assert "already used by the article" in response.content.decode()
    assert Article.objects.filter(slug="existing-slug").count() == 1


def test_outlet_url_must_be_a_web_address(admin_client):
    response = admin_client.post(
        admin_url("articles", "article", "add"),
        article_form_data(outlet_name="Somewhere", outlet_url="javascript:alert(1)"),
    )
    assert response.status_code == 200
    assert parse(response).find("div", cls="field-outlet_url").find(cls="errorlist")
    assert not Article.objects.exists()


def test_event_without_start_is_refused_in_the_admin(admin_client):
    event_type = make_publication_type("Event", is_event=True)
    response = admin_client.post(
        admin_url("articles", "article", "add"),
        article_form_data(publication_type=str(event_type.pk)),
    )
    assert response.status_code == 200
    assert "An event needs a start time." in response.content.decode()
    assert not Article.objects.exists()


def test_topic_with_a_slug_taken_by_an_article_is_refused_in_the_admin(admin_client):
    make_article("Energy Prices", slug="energy", language="fa")
    response = admin_client.post(
        admin_url("taxonomy", "topic", "add"),
        {"name": "Energy", "slug": "energy", "description": ""},
    )
    assert response.status_code == 200
    assert "already used by the article" in response.content.decode()


def test_anonymous_visitors_are_sent_to_login(client):
    for app_label, model_name in REGISTERED:
        response = client.get(admin_url(app_label, model_name, "changelist"))
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize(
    "old, new",
    [
        ("/admin/articles/topic/", "/admin/taxonomy/topic/"),
        ("/admin/articles/region/7/change/?_changelist_filters=q%3Dx", None),
        ("/admin/articles/landingredirect/add/", "/admin/taxonomy/taxonomyredirect/add/"),
        ("/admin/taxonomy/landingredirect/3/change/", "/admin/taxonomy/taxonomyredirect/3/change/"),
    ],
)
def test_the_admin_addresses_of_topics_and_regions_before_the_taxonomy_app_lead_there(
    client, old, new
):
    new = new or old.replace("/articles/", "/taxonomy/")
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_an_odd_old_admin_address_is_not_redirected(client):
    assert client.get("/admin/articles/topic/%0D%0Ax/").status_code == 404


@pytest.mark.parametrize("view", ["add", "change"])
def test_the_article_form_links_the_admin_stylesheets_once_each_in_order(admin_client, view):
    args = [make_article("Styled").pk] if view == "change" else []
    page = parse(admin_client.get(admin_url("articles", "article", view, *args)))
    styles = [link.get("href") for link in page.find_all("link", rel="stylesheet")]
    assert [href for href in styles if href in ADMIN_SHEETS] == ADMIN_SHEETS
