"""Add translation: a draft in the same set, its text to write (tests/articles/
test_translating.py), the rest carried over; staleness when the source changes."""

import pytest

from articles import services, translation_services
from articles.models import Article
from tests.helpers.adminforms import change_url, form_data
from tests.helpers.factories import (
    make_article,
    make_expert,
    make_publication_type,
    make_region,
    make_topic,
)

pytestmark = pytest.mark.django_db


def source_article(editor):
    first, second = make_expert(), make_expert()
    article = make_article(
        "Source piece",
        authors=[first, second],
        topics=[make_topic()],
        regions=[make_region()],
        publication_type=make_publication_type(),
    )
    services.article_save(article, user=editor)  # gives it a text_changed_at
    return Article.objects.get(pk=article.pk), [first.pk, second.pk]


def test_add_translation_makes_a_draft_in_the_set(editor):
    source, authors = source_article(editor)
    translation = translation_services.article_add_translation(source, "ar", user=editor)
    assert translation.language == "ar"
    assert translation.status == Article.Status.DRAFT
    assert translation.translation_set_id == source.translation_set_id
    assert translation.publication_type_id == source.publication_type_id
    assert list(translation.authorships.values_list("expert_id", flat=True)) == authors
    assert set(translation.topics.all()) == set(source.topics.all())
    assert set(translation.regions.all()) == set(source.regions.all())
    assert not translation.is_translation_stale
    with pytest.raises(services.PermissionDenied):
        translation_services.article_add_translation(source, "ar", user=editor)  # one per language


def test_translation_is_flagged_stale_when_the_source_text_changes(editor):
    source, _authors = source_article(editor)
    translation = translation_services.article_add_translation(source, "fa", user=editor)
    # A status change is not a change of text.
    services.article_unpublish(source, user=editor)
    assert (
        not Article.objects.select_related("translation_source")
        .get(pk=translation.pk)
        .is_translation_stale
    )
    source = Article.objects.get(pk=source.pk)
    source.summary = "A rewritten summary"
    services.article_save(source, user=editor)
    stale = Article.objects.select_related("translation_source").get(pk=translation.pk)
    assert stale.is_translation_stale
    translation_services.article_mark_translation_current(stale, user=editor)
    fresh = Article.objects.select_related("translation_source").get(pk=translation.pk)
    assert not fresh.is_translation_stale


def test_admin_adds_a_translation_and_shows_the_set_and_the_flag(client, editor):
    source, _authors = source_article(editor)
    client.force_login(editor)
    page = client.get(change_url(source)).content.decode()
    assert "This piece in every language" in page and 'value="ar"' in page
    response = client.post(
        f"/admin/articles/article/{source.pk}/add-translation/", {"language": "ar"}
    )
    translation = Article.objects.get(translation_set=source.translation_set, language="ar")
    assert response["Location"] == change_url(translation)
    source = Article.objects.get(pk=source.pk)
    client.post(change_url(source), form_data(source, body="<p>New source text.</p>"))
    page = client.get(change_url(translation)).content.decode()
    assert "has changed since this translation" in page
    assert "Possibly stale" in page
    listing = client.get("/admin/articles/article/").content.decode()
    assert "icon-no.svg" in listing  # the list's "translation up to date" column
