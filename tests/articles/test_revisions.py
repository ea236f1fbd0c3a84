"""Revisions: every save keeps one; history, differences, and a one-click restore."""

import pytest

from articles import revisions, services
from articles.models import Article, ArticleRevision
from tests.helpers.adminforms import change_url, form_data, history_url, revision_url
from tests.helpers.factories import (
    make_article,
    make_expert,
    make_publication_type,
    make_region,
    make_topic,
)
from tests.helpers.htmlpage import parse

pytestmark = pytest.mark.django_db


def test_every_admin_save_stores_a_revision_with_its_relations(client, editor):
    first, second = make_expert(), make_expert()
    topic, region = make_topic(), make_region()
    recommended = make_article("A recommended")
    article = make_article("Revised", publication_type=make_publication_type())
    client.force_login(editor)
    data = form_data(
        article,
        summary="Second summary",
        topics=[topic.pk],
        regions=[region.pk],
        **{
            "authorships-TOTAL_FORMS": "2",
            "authorships-0-expert": second.pk,
            "authorships-0-position": "0",
            "authorships-1-expert": first.pk,
            "authorships-1-position": "1",
            "recommendations-TOTAL_FORMS": "1",
            "recommendations-0-recommended_article": recommended.pk,
            "recommendations-0-position": "0",
        },
    )
    assert client.post(change_url(article), data).status_code == 302
    revision = article.revisions.get()
    assert revision.user == editor
    assert revision.data["summary"] == "Second summary"
    assert revision.data["authors"] == [second.pk, first.pk]  # in byline order
    assert revision.data["topics"] == [topic.pk]
    assert revision.data["regions"] == [region.pk]
    assert revision.data["recommendations"] == [recommended.pk]


def test_workflow_services_store_revisions(editor):
    article = make_article(published=False)
    services.article_publish(article, user=editor)
    services.article_archive(article, user=editor)
    assert [r.data["status"] for r in article.revisions.order_by("pk")] == [
        "published",
        "archived",
    ]


def test_restore_brings_back_fields_authors_and_recommendations(editor):
    first, second = make_expert(), make_expert()
    recommended = make_article("Kept recommended")
    article = make_article("Before", authors=[first, second], recommendations=[recommended])
    old = services.article_record_revision(article, user=editor)
    article = Article.objects.get(pk=article.pk)
    article.title = "After"
    article.save()
    article.authorships.all().delete()
    article.recommendations.all().delete()
    services.article_record_revision(article, user=editor)

    new = services.article_restore(Article.objects.get(pk=article.pk), old, user=editor)
    restored = Article.objects.get(pk=article.pk)
    assert restored.title == "Before"
    assert list(restored.authorships.values_list("expert_id", flat=True)) == [
        first.pk,
        second.pk,
    ]
    assert list(restored.recommendations.values_list("recommended_article_id", flat=True)) == [
        recommended.pk
    ]
    # The restore is itself a new revision, the newest.
    assert ArticleRevision.objects.filter(article=article).latest() == new
    assert new.data == revisions.snapshot(restored)
    assert "Restored" in new.note


def test_history_diff_and_one_click_restore_in_the_admin(client, editor):
    article = make_article("Original title", publication_type=make_publication_type())
    old = services.article_record_revision(article, user=editor)
    article = Article.objects.get(pk=article.pk)
    article.title = "Changed title"
    article.body = "<p>First paragraph.</p><p>New paragraph.</p>"
    article.save()
    client.force_login(editor)

    history = client.get(history_url(article)).content.decode()
    assert revision_url(article, old) in history

    diff = client.get(revision_url(article, old)).content.decode()
    assert "Original title" in diff and "Changed title" in diff
    added = parse(diff).find(cls="revision-diff").find_all("ins")
    assert any(ins.find_all("p", text="New paragraph.") for ins in added)  # rendered, marked

    response = client.post(revision_url(article, old), {"loaded_version": article.version})
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).title == "Original title"


def test_restore_after_someone_else_saved_is_refused(client, editor):
    article = make_article("One", publication_type=make_publication_type())
    old = services.article_record_revision(article, user=editor)
    seen_version = article.version
    other = Article.objects.get(pk=article.pk)
    other.title = "Someone else's"
    other.save()
    client.force_login(editor)
    response = client.post(revision_url(article, old), {"loaded_version": seen_version})
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).title == "Someone else's"
    follow = client.get(response["Location"]).content.decode()
    assert "nothing was restored" in follow


def test_contributor_cannot_restore_a_published_revision(client, contributor):
    article = make_article("Was public")
    published = services.article_record_revision(article, user=contributor)
    Article.objects.filter(pk=article.pk).update(status="draft", version=article.version + 1)
    client.force_login(contributor)
    draft = Article.objects.get(pk=article.pk)
    client.post(revision_url(article, published), {"loaded_version": draft.version})
    assert Article.objects.get(pk=article.pk).status == "draft"
