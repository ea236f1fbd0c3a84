"""Linking articles as translations and unlinking them: the service (merging whole sets,
refusing two versions in one language, roles) and the admin's chooser views."""

from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article, ArticleRevision, TranslationSet
from articles.services import article_delete
from articles.translation_services import article_link_translation, article_unlink_translation
from tests.helpers.adminforms import change_url
from tests.helpers.factories import make_article, make_translation

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ar", "fa"]


def set_of(article):
    return Article.objects.get(pk=article.pk).translation_set_id


def test_two_lone_articles_become_one_piece(editor):
    english = make_article("Oil and the Gulf")
    arabic = make_article("النفط والخليج", language="ar", published=False)
    article_link_translation(english, arabic, user=editor)
    assert set_of(english) == set_of(arabic)
    assert english.translation_set_id == arabic.translation_set_id  # refreshed
    moved = ArticleRevision.objects.filter(article=arabic).get()
    assert moved.user == editor and "Oil and the Gulf" in moved.note


def test_whole_sets_merge_so_no_version_is_left_behind(editor):
    english = make_article("A piece")
    arabic = make_translation(english, "ar", "قطعة")
    persian = make_article("یک قطعه", language="fa")
    article_link_translation(persian, english, user=editor)
    assert set_of(english) == set_of(arabic) == set_of(persian)


def test_a_set_goes_with_its_last_version(admin_user):
    english = make_article("A piece")
    arabic = make_translation(english, "ar", "قطعة")
    article_delete(arabic, user=admin_user)
    assert TranslationSet.objects.filter(pk=english.translation_set_id).exists()
    article_delete(english, user=admin_user)
    assert not TranslationSet.objects.filter(pk=english.translation_set_id).exists()


def piece(languages):
    """Draft versions of one piece in `languages`, in one translation set."""
    codes = sorted(languages)
    first = make_article(language=codes[0], published=False)
    return [first, *(make_translation(first, code, published=False) for code in codes[1:])]


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    ours=st.sets(st.sampled_from(LANGUAGES), min_size=1),
    theirs=st.sets(st.sampled_from(LANGUAGES), min_size=1),
)
def test_a_set_never_holds_two_versions_in_one_language(editor, ours, theirs):
    first, second = piece(ours), piece(theirs)
    before = {article.pk: set_of(article) for article in first + second}
    if ours & theirs:
        with pytest.raises(PermissionDenied):
            article_link_translation(first[0], second[-1], user=editor)
        assert {article.pk: set_of(article) for article in first + second} == before
    else:
        article_link_translation(first[0], second[-1], user=editor)
        assert len({set_of(article) for article in first + second}) == 1
    for translation_set in {set_of(article) for article in first + second}:
        codes = list(
            Article.objects.filter(translation_set=translation_set).values_list(
                "language", flat=True
            )
        )
        assert len(codes) == len(set(codes))
    assert not TranslationSet.objects.filter(articles__isnull=True).exists(), "none left empty"
    Article.objects.all().delete()
    TranslationSet.objects.all().delete()


def test_an_article_is_not_its_own_translation_nor_linked_twice(editor):
    english = make_article()
    arabic = make_translation(english, "ar")
    with pytest.raises(PermissionDenied):
        article_link_translation(english, english, user=editor)
    with pytest.raises(PermissionDenied):
        article_link_translation(english, arabic, user=editor)


def test_a_contributor_moves_a_draft_next_to_published_work(contributor):
    published = make_article("Published piece")
    draft = make_article("مسودة", language="ar", published=False)
    article_link_translation(published, draft, user=contributor)  # the draft moves
    assert set_of(draft) == published.translation_set_id


def test_a_contributor_may_not_move_published_work(contributor):
    english = make_article("Live in English")
    arabic = make_article("منشور", language="ar")
    with pytest.raises(PermissionDenied):
        article_link_translation(english, arabic, user=contributor)
    assert set_of(english) != set_of(arabic)
    with pytest.raises(PermissionDenied):
        article_unlink_translation(make_translation(english, "fa"), user=contributor)


def test_someone_without_the_article_permission_is_refused(expert_manager):
    english = make_article(published=False)
    arabic = make_article(language="ar", published=False)
    with pytest.raises(PermissionDenied):
        article_link_translation(english, arabic, user=expert_manager)


def test_unlinking_gives_the_article_a_set_of_its_own_and_no_source(editor):
    english = make_article("Source")
    arabic = make_translation(english, "ar", translation_source=None)
    Article.objects.filter(pk=arabic.pk).update(translation_source=english)
    persian = make_translation(english, "fa")
    Article.objects.filter(pk=persian.pk).update(translation_source=english)
    article_unlink_translation(english, user=editor)
    english.refresh_from_db()
    assert set_of(arabic) == set_of(persian) != english.translation_set_id
    assert not Article.objects.filter(translation_source=english).exists()
    with pytest.raises(PermissionDenied):  # alone now
        article_unlink_translation(english, user=editor)


# --- the admin's views ----------------------------------------------------------------


def link_url(article):
    return f"/admin/articles/article/{article.pk}/link-translation/"


def messages_of(response):
    return [str(message) for message in response.wsgi_request._messages]


def test_the_form_has_no_translation_set_field_and_offers_the_chooser(client, editor):
    english = make_article()
    make_translation(english, "ar")
    client.force_login(editor)
    page = client.get(change_url(english)).content.decode()
    assert 'name="translation_set"' not in page
    assert "translation-link-article" in page and "unlink-translation" in page
    assert (
        'name="translation_set"' not in client.get("/admin/articles/article/add/").content.decode()
    )


def test_candidates_are_in_the_languages_the_set_lacks(client, editor):
    english = make_article("Sanctions and shipping")
    make_translation(english, "ar", "العقوبات")
    make_article("Sanctions elsewhere")  # English: the set has it
    persian = make_article("Sanctions in Persian", language="fa", published=False)
    client.force_login(editor)
    found = client.get(
        f"/admin/articles/article/{english.pk}/translation-candidates/", {"term": "sanctions"}
    ).json()["results"]
    assert [result["id"] for result in found] == [str(persian.pk)]
    assert found[0]["lang"] == "fa" and "Persian" in found[0]["detail"]


@pytest.mark.parametrize("chosen", ["", "abc", "999999", "-1", "1.5", "1 OR 1=1"])
def test_a_bad_choice_is_told_never_a_server_error(client, editor, chosen):
    english = make_article()
    client.force_login(editor)
    response = client.post(link_url(english), {"article": chosen})
    assert response.status_code == 302
    assert messages_of(response)
    assert Article.objects.filter(translation_set=english.translation_set).count() == 1


def test_linking_in_the_admin_and_its_refusals_are_said(client, editor):
    english = make_article()
    arabic = make_article(language="ar")
    other_english = make_article()
    client.force_login(editor)
    assert client.get(link_url(english)).status_code == 403  # POST only
    response = client.post(link_url(english), {"article": other_english.pk})
    assert "one article per language" in " ".join(messages_of(response))
    client.post(link_url(english), {"article": arabic.pk})
    assert set_of(english) == set_of(arabic)
    client.post(f"/admin/articles/article/{arabic.pk}/unlink-translation/")
    assert set_of(english) != set_of(arabic)


def test_views_refuse_who_may_not_change_articles(client, expert_manager):
    english = make_article()
    arabic = make_article(language="ar")
    client.force_login(expert_manager)
    assert client.post(link_url(english), {"article": arabic.pk}).status_code in (302, 403)
    assert set_of(english) != set_of(arabic)


def test_the_migration_discards_the_sets_left_empty_before():
    migration = import_module("articles.migrations.0029_discard_empty_translation_sets")
    kept = make_article("A piece").translation_set_id
    empty = TranslationSet.objects.create().pk
    migration.discard_empty_sets(apps, None)
    assert list(TranslationSet.objects.values_list("pk", flat=True)) == [kept]
    assert empty != kept
