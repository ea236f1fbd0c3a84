"""The choosers' server side: the detailed search (an expert's photo, an article's type
and date), the chosen rows showing the same, and the one tag field that finds existing
tags and creates new ones on save (crafted values refused, never a server error)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from taggit.models import Tag

from articles.models import Article
from tests.helpers.adminforms import change_url, form_data
from tests.helpers.contributing import article_in
from tests.helpers.factories import add_authors, make_article, make_expert
from tests.helpers.renditions import photographed_expert

pytestmark = pytest.mark.django_db

CHOOSER = "/admin/articles/article/chooser/"


def search(client, model_name, field_name, term):
    query = {"term": term, "app_label": "articles", "model_name": model_name}
    return client.get(CHOOSER, {**query, "field_name": field_name})


def test_an_expert_is_found_with_a_photo_and_role(client, editor):
    expert = photographed_expert("Hanin Ghaddar")
    expert.role = "Senior Fellow"
    expert.save()
    make_expert("Hanna Without Photo")
    client.force_login(editor)
    found = search(client, "articleauthor", "expert", "Han").json()["results"]
    by_name = {result["text"]: result for result in found}
    assert by_name["Hanin Ghaddar"]["photo"].startswith("/media/renditions/experts/")
    assert by_name["Hanin Ghaddar"]["detail"] == "Senior Fellow"
    assert by_name["Hanna Without Photo"]["photo"] == ""


def test_an_article_is_found_with_its_type_date_and_language(client, editor):
    make_article("Gulf shipping lanes", language="en")
    client.force_login(editor)
    found = search(client, "recommendation", "recommended_article", "shipping").json()["results"]
    assert len(found) == 1
    assert "Policy Analysis" in found[0]["detail"] and "English" in found[0]["detail"]
    assert found[0]["lang"] == "en"


def test_recommendations_still_offer_published_work_only(client, editor):
    make_article("Draft on shipping", published=False)
    client.force_login(editor)
    found = search(client, "recommendation", "recommended_article", "shipping").json()
    assert found["results"] == []


@pytest.mark.parametrize(
    "query",
    [{}, {"app_label": "articles"}, {"app_label": "nope", "model_name": "x", "field_name": "y"}],
)
def test_a_crafted_search_is_refused_not_a_server_error(client, editor, query):
    client.force_login(editor)
    assert client.get(CHOOSER, query).status_code == 403


def test_the_search_needs_a_staff_login(client):
    assert search(client, "articleauthor", "expert", "a").status_code == 302


def test_chosen_authors_show_their_photo_in_one_query_per_row(client, editor):
    article = make_article(published=False)
    add_authors(article, [photographed_expert("Assaf Orion")])
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert 'data-photo="/media/renditions/experts/' in page
    assert 'class="chooser-autocomplete"' in page or "chooser-autocomplete" in page


# --- the tag field --------------------------------------------------------------------


def post_tags(client, article, tags):
    return client.post(change_url(article), form_data(article, tags=tags))


def test_existing_and_new_tags_are_saved_and_new_ones_made_only_then(client, editor):
    existing = Tag.objects.create(name="sanctions", slug="sanctions")
    article = make_article(published=False)
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert 'name="new_tags"' not in page  # one field
    assert not Tag.objects.filter(name="Red Sea").exists()
    response = post_tags(client, article, [existing.pk, "new:Red Sea", "new: shipping ", "new:"])
    assert response.status_code == 302
    assert sorted(Article.objects.get(pk=article.pk).tags.names()) == [
        "Red Sea",
        "sanctions",
        "shipping",
    ]


def test_a_name_typed_that_exists_is_that_tag_not_a_second(client, editor):
    Tag.objects.create(name="Iran", slug="iran")
    article = make_article(published=False)
    client.force_login(editor)
    assert post_tags(client, article, ["new:Iran", "new:Iran"]).status_code == 302
    assert Tag.objects.filter(name="Iran").count() == 1
    assert list(Article.objects.get(pk=article.pk).tags.names()) == ["Iran"]


@pytest.mark.parametrize("value", ["abc", "999999", "-3", "new:" + "x" * 101])
def test_a_crafted_tag_is_a_form_error(client, editor, value):
    article = make_article(published=False)
    client.force_login(editor)
    response = post_tags(client, article, [value])
    assert response.status_code == 200
    assert "tags" in response.context["adminform"].form.errors
    assert list(Article.objects.get(pk=article.pk).tags.names()) == []
    assert not Tag.objects.exists()


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    names=st.lists(
        st.text(
            st.characters(blacklist_categories=["Cs", "Cc"], blacklist_characters=","),
            min_size=1,
            max_size=30,
        ),
        max_size=4,
    )
)
def test_any_typed_names_are_saved_as_typed_and_trimmed(client, editor, names):
    article = make_article(published=False)
    client.force_login(editor)
    response = post_tags(client, article, [f"new:{name}" for name in names])
    assert response.status_code == 302
    wanted = {name.strip() for name in names if name.strip()}
    assert set(Article.objects.get(pk=article.pk).tags.names()) == wanted
    Article.objects.all().delete()
    Tag.objects.all().delete()


def test_a_form_shown_again_keeps_the_new_tags_typed(client, editor):
    article = make_article(published=False)
    client.force_login(editor)
    response = client.post(change_url(article), form_data(article, title="", tags=["new:Yemen"]))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<option value="new:Yemen" selected data-new="true">Yemen</option>' in page
    assert not Tag.objects.exists()


def test_a_contributors_new_tag_on_live_work_is_proposed_not_made(client, contributor):
    article = article_in("live")
    client.force_login(contributor)
    assert post_tags(client, article, ["new:proposed tag"]).status_code == 302
    assert article.revisions.pending().get().data["tags"] == ["proposed tag"]
    assert not Tag.objects.filter(name="proposed tag").exists()
