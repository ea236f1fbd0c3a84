"""
A contributor's limits on every write path besides the change form's fields (those:
test_contributor_limits.py): the list's bulk actions, restoring a revision, adding
a translation, and the services called directly. A published (live or scheduled) or
archived article, and its page, stay as they were.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from articles import proposals, services, translation_services
from articles.models import Article, ArticleRevision
from tests.helpers.adminforms import change_url, form_data, revision_url
from tests.helpers.contributing import (
    PROPOSED,
    PUBLIC_STATES,
    article_in,
    messages_of,
    reader_view,
    stored,
)
from tests.helpers.factories import in_future, make_translation
from thinktank.concurrency import ConcurrentEditError

pytestmark = pytest.mark.django_db


def _every_action():
    """The names of every bulk action of the article list, as a superuser has them."""
    request = RequestFactory().get("/admin/articles/article/")
    request.user = User(is_superuser=True, is_staff=True, is_active=True)
    return sorted(admin.site.get_model_admin(Article).get_actions(request))


def test_the_list_has_the_actions_tested_here():
    assert set(_every_action()) == {
        "delete_selected",
        "publish",
        "unpublish",
        "archive",
        "submit_for_review",
        "mark_translation_current",
    }


@pytest.mark.parametrize("state", PUBLIC_STATES)
@pytest.mark.parametrize("action", _every_action())
def test_no_bulk_action_changes_a_public_article(client, contributor, state, action):
    source = article_in("live")
    article = article_in(state, translation_of=source, language="ar")  # so every action applies
    before, seen = stored(article), reader_view(article)
    client.force_login(contributor)
    client.post("/admin/articles/article/", {"action": action, "_selected_action": [article.pk]})
    snapshot, _version, public = stored(article)
    assert (snapshot, public) == (before[0], before[2])
    assert reader_view(article) == seen
    assert Article.objects.filter(pk=article.pk).exists()


def test_marking_a_live_translation_current_changes_nothing_readers_see(client, contributor):
    """The flag is the newsroom's note (the admin's "possibly stale"): no page shows it."""
    source = article_in("live")
    translation = article_in("live", translation_of=source, language="ar")
    Article.objects.filter(pk=translation.pk).update(translation_source=source)
    before, seen = stored(translation), reader_view(translation)
    translation_services.article_mark_translation_current(
        Article.objects.get(pk=translation.pk), user=contributor
    )
    assert stored(translation)[0] == before[0]
    assert reader_view(translation) == seen


# --- restoring a revision -------------------------------------------------------------------


def _old_revision(article, editor, **changes):
    """A revision of `article` as it was with `changes`, then the article back as it is."""
    data = {**services.article_record_revision(article, user=editor).data, **changes}
    revision = ArticleRevision.objects.create(article=article, user=editor, data=data)
    article.revisions.exclude(pk=revision.pk).delete()
    return revision


@pytest.mark.parametrize("state", PUBLIC_STATES)
@pytest.mark.parametrize(
    "changes",
    [
        {"title": "An older title"},
        {"body": "<p>Older text.</p>"},
        {"published_at": "2001-01-01T00:00:00+00:00"},  # into the past
        {"published_at": in_future(30).isoformat()},  # ahead
        {"topics": [], "authors": [], "tags": ["old"]},
        {"status": "draft"},
    ],
    ids=["title", "body", "past date", "future date", "relations", "status"],
)
def test_restoring_a_revision_is_a_proposal(client, contributor, editor, state, changes):
    article = article_in(state)
    old = _old_revision(article, editor, **changes)
    before, seen = stored(article), reader_view(article)
    client.force_login(contributor)
    assert (
        "Propose restoring this revision" in client.get(revision_url(article, old)).content.decode()
    )
    response = client.post(revision_url(article, old), {"loaded_version": article.version})
    assert response.status_code == 302
    assert any(PROPOSED in message for message in messages_of(response))
    assert stored(article) == before
    assert reader_view(article) == seen
    proposal = article.revisions.pending().get()
    assert proposal.user == contributor
    assert {key: proposal.data[key] for key in changes} == {key: old.data[key] for key in changes}


def test_a_contributor_cannot_publish_a_proposal_by_restoring_it(client, contributor):
    article = article_in("live")
    proposal = _propose(article, contributor, title="Proposed title")
    before = stored(article)
    client.force_login(contributor)
    page = client.get(revision_url(article, proposal)).content.decode()
    assert "Publish this proposed change" not in page
    client.post(revision_url(article, proposal), {"loaded_version": article.version})
    assert stored(article) == before
    assert ArticleRevision.objects.get(pk=proposal.pk).is_pending
    with pytest.raises(PermissionDenied):
        services.article_restore(Article.objects.get(pk=article.pk), proposal, user=contributor)


def _propose(article, user, **fields):
    copy = Article.objects.get(pk=article.pk)
    for name, value in fields.items():
        setattr(copy, name, value)
    return proposals.article_propose(copy, user=user)


# --- translations -------------------------------------------------------------------------


@pytest.mark.parametrize("state", PUBLIC_STATES)
def test_adding_a_translation_leaves_the_source_as_it_is(client, contributor, state):
    """A translation starts as a draft: nothing readers see changes until an editor publishes."""
    article = article_in(state)
    before, seen = stored(article), reader_view(article)
    client.force_login(contributor)
    client.post(f"/admin/articles/article/{article.pk}/add-translation/", {"language": "ar"})
    translation = Article.objects.get(translation_set=article.translation_set, language="ar")
    assert translation.status == Article.Status.DRAFT
    assert stored(article) == before
    assert reader_view(article) == seen


def test_a_translation_of_a_live_piece_is_a_draft_its_contributor_edits(client, contributor):
    source = article_in("live")
    translation = translation_services.article_add_translation(source, "ar", user=contributor)
    client.force_login(contributor)
    typed = form_data(translation, title="عنوان", summary="ملخص")  # it starts empty
    response = client.post(change_url(translation), typed)
    assert response.status_code == 302
    assert Article.objects.get(pk=translation.pk).title == "عنوان"
    assert not translation.revisions.pending().exists()


def test_a_live_translation_is_protected_like_any_public_article(client, contributor):
    translation = make_translation(article_in("live"), "ar", "نسخة")
    before = stored(translation)
    client.force_login(contributor)
    client.post(change_url(translation), form_data(translation, title="عنوان آخر"))
    assert stored(translation) == before
    assert translation.revisions.pending().get().data["title"] == "عنوان آخر"


# --- the services, called directly ---------------------------------------------------------


@pytest.mark.parametrize("state", PUBLIC_STATES)
def test_the_write_services_refuse_a_contributor(contributor, editor, state):
    article = article_in(state)
    old = services.article_record_revision(article, user=editor)
    before = stored(article)
    edited = Article.objects.get(pk=article.pk)
    edited.title = "Changed directly"
    with pytest.raises(services.ReviewRequired):
        services.article_save(edited, user=contributor)
    for service in (
        services.article_publish,
        services.article_unpublish,
        services.article_archive,
        services.article_submit_for_review,
    ):
        with pytest.raises(PermissionDenied):
            service(Article.objects.get(pk=article.pk), user=contributor)
    with pytest.raises(services.ReviewRequired):
        services.article_restore(Article.objects.get(pk=article.pk), old, user=contributor)
    assert stored(article) == before


@pytest.mark.parametrize("state", PUBLIC_STATES)
def test_the_proposal_service_keeps_the_change_and_not_the_article(contributor, state):
    article = article_in(state)
    before = stored(article)
    proposal = _propose(article, contributor, title="Proposed directly", body="<p>x<script>")
    assert stored(article) == before
    assert proposal.data["title"] == "Proposed directly"
    assert proposal.data["body"] == "<p>x</p>"  # as the article would store it


def test_a_proposal_of_a_stale_copy_is_refused(client, contributor, editor):
    article = article_in("live")
    stale = Article.objects.get(pk=article.pk)
    services.article_save(Article.objects.get(pk=article.pk), user=editor)
    stale.title = "Over an editor's save"
    with pytest.raises(ConcurrentEditError):
        proposals.article_propose(stale, user=contributor)
    client.force_login(contributor)
    response = client.post(change_url(article), form_data(article, title="Stale form"))
    assert response.status_code == 200  # the form's version check
    assert not article.revisions.pending().exists()


@pytest.mark.parametrize("state", ["draft", "review"])
@pytest.mark.parametrize("status", [Article.Status.PUBLISHED, Article.Status.ARCHIVED])
def test_article_save_refuses_a_contributors_publish_or_archive(contributor, state, status):
    article = article_in(state)
    before = stored(article)
    edited = Article.objects.get(pk=article.pk)
    edited.status = status
    with pytest.raises(PermissionDenied):
        services.article_save(edited, user=contributor)
    assert stored(article) == before
    new = Article(title="Born live", summary="-", status=status)
    new.publication_type = article.publication_type
    with pytest.raises(PermissionDenied):
        services.article_save(new, user=contributor)
    assert not Article.objects.filter(title="Born live").exists()
