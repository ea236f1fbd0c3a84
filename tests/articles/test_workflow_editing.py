"""
Editing articles in the admin, around the workflow: a changed slug leaves a 301 from
every old address (per language, none for unpublished work), and the article list
with its authors, filters, autocompletes, image uploads and tags.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles import services
from articles.models import Article
from tests.helpers.adminforms import change_url, form_data
from tests.helpers.factories import make_article, make_expert, make_publication_type
from tests.helpers.htmlpage import parse

pytestmark = pytest.mark.django_db


# --- changed slugs --------------------------------------------------------------------------------


def test_changing_a_slug_leaves_a_301_from_every_old_address(client, editor):
    article = make_article("Slug test", slug="first-slug")
    for new_slug in ("second-slug", "third-slug"):
        article.slug = new_slug
        services.article_save(article, user=editor)
    for old in ("first-slug", "second-slug"):
        response = client.get(f"/policy-analysis/{old}")
        assert response.status_code == 301
        assert response["Location"] == "/policy-analysis/third-slug"
    assert client.get("/policy-analysis/third-slug").status_code == 200
    # Back to an old slug: that address is the article's again, no redirect loop.
    article.slug = "first-slug"
    services.article_save(article, user=editor)
    assert client.get("/policy-analysis/first-slug").status_code == 200
    assert client.get("/policy-analysis/third-slug")["Location"] == "/policy-analysis/first-slug"


def test_old_address_of_an_unpublished_article_is_a_404(client, editor):
    article = make_article("Slug test", slug="old-address")
    article.slug = "new-address"
    services.article_save(article, user=editor)
    services.article_unpublish(article, user=editor)
    assert client.get("/policy-analysis/old-address").status_code == 404


def test_old_address_is_per_language(client, editor):
    article = make_article("عنوان", slug="anwan", language="ar")
    article.slug = "anwan-jdyd"
    services.article_save(article, user=editor)
    assert client.get("/ar/policy-analysis/anwan")["Location"] == "/ar/policy-analysis/anwan-jdyd"
    assert client.get("/policy-analysis/anwan").status_code == 404


def test_slug_change_in_the_admin_leaves_a_redirect(client, editor):
    article = make_article("Admin slug", slug="admin-old", publication_type=make_publication_type())
    client.force_login(editor)
    response = client.post(change_url(article), form_data(article, slug="admin-new"))
    assert response.status_code == 302
    client.logout()
    assert client.get("/policy-analysis/admin-old")["Location"] == "/policy-analysis/admin-new"


# --- the article list and its helpers ---------------------------------------------------------


def test_list_shows_authors_and_who_changed_it_last(client, editor):
    author = make_expert("Dana Writer")
    article = make_article(
        "Listed piece", authors=[author], publication_type=make_publication_type()
    )
    client.force_login(editor)
    client.post(change_url(article), form_data(article, summary="Edited"))
    row = parse(client.get("/admin/articles/article/?q=Listed"))
    assert row.find(cls="field-author_names").text == "Dana Writer"
    assert "(ed)" in row.find(cls="field-last_change").text


def test_list_filters_by_author(client, editor):
    author = make_expert("Filter Author")
    mine, other = make_article("Mine", authors=[author]), make_article("Other")
    client.force_login(editor)
    content = client.get(f"/admin/articles/article/?authors__id__exact={author.pk}").content
    assert mine.title in content.decode() and other.title not in content.decode()


def test_recommendation_autocomplete_offers_published_work_only(client, editor):
    make_article("Pickable published piece")
    make_article("Pickable draft piece", published=False)
    client.force_login(editor)
    response = client.get(
        "/admin/autocomplete/",
        {
            "term": "Pickable",
            "app_label": "articles",
            "model_name": "recommendation",
            "field_name": "recommended_article",
        },
    )
    texts = [result["text"] for result in response.json()["results"]]
    assert texts == ["Pickable published piece"]


def test_a_bad_upload_is_refused_and_the_old_image_kept(client, editor):
    from tests.helpers.factories import image_upload

    article = make_article("With a picture", publication_type=make_publication_type())
    article.hero_image = image_upload("first.png", size=(40, 20))
    article.hero_image_alt = "A picture"
    article.save()
    stored = Article.objects.get(pk=article.pk).hero_image.name
    client.force_login(editor)
    fake = SimpleUploadedFile("evil.png", b"<?php echo 'not an image'; ?>", "image/png")
    data = form_data(
        Article.objects.get(pk=article.pk), hero_image=fake, hero_image_alt="A picture"
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert "hero_image" in response.context["adminform"].form.errors
    assert Article.objects.get(pk=article.pk).hero_image.name == stored


def test_tags_are_picked_with_autocomplete_and_new_ones_typed(client, editor):
    from taggit.models import Tag

    existing = Tag.objects.create(name="sanctions", slug="sanctions")
    article = make_article("Tagged piece", publication_type=make_publication_type())
    client.force_login(editor)
    form = parse(client.get(change_url(article)))
    assert "chooser-autocomplete" in form.find("select", name="tags").get("class")
    found = client.get(
        "/admin/autocomplete/",
        {"term": "sanc", "app_label": "articles", "model_name": "article", "field_name": "tags"},
    ).json()["results"]
    assert [result["text"] for result in found] == ["sanctions"]
    data = form_data(article, tags=[existing.pk, "new:Red Sea", "new:shipping"])
    assert client.post(change_url(article), data).status_code == 302
    assert sorted(Article.objects.get(pk=article.pk).tags.names()) == [
        "Red Sea",
        "sanctions",
        "shipping",
    ]
