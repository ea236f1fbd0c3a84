"""
The editorial workflow: roles, states, the write services and their permission
checks on the server, scheduling without a job, and the refusal of concurrent edits
on every write path (model save, admin form, bulk action).
"""

import re
from datetime import timedelta

import pytest
from django.contrib import admin, messages
from django.contrib.auth.models import Permission, User
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.test import RequestFactory
from django.utils import timezone

from articles import services
from articles.models import Article
from tests.helpers.adminforms import change_url, form_data
from tests.helpers.factories import make_article, make_publication_type, make_topic
from tests.helpers.htmlpage import parse
from thinktank.admin_actions import run_service_action
from thinktank.concurrency import ConcurrentEditError

pytestmark = pytest.mark.django_db


def public(article):
    return Article.objects.published().filter(pk=article.pk).exists()


# --- roles ---------------------------------------------------------------------------------


def test_roles_are_made_by_the_migration():
    def perms(name):
        return set(Permission.objects.filter(group__name=name).values_list("codename", flat=True))

    assert "publish_article" in perms("Editors")
    assert {"add_article", "change_article"} <= perms("Contributors")
    assert "publish_article" not in perms("Contributors")
    assert "delete_article" not in perms("Contributors")
    # Experts, programs and their public links; topics and regions only to pick them
    # as areas of expertise; past versions of a profile to restore them. Experts are
    # deactivated, not deleted (experts/migrations/0006).
    assert perms("Expert managers") == {
        f"{action}_{model}"
        for action in ("add", "change", "delete", "view")
        for model in ("expert", "program", "expertlink")
    } - {"delete_expert"} | {"view_expertrevision", "view_topic", "view_region"}


def test_contributor_cannot_publish_through_the_service(contributor):
    article = make_article(published=False)
    with pytest.raises(PermissionDenied):
        services.article_publish(article, user=contributor)
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert not public(article)


def test_expert_manager_cannot_touch_articles(expert_manager):
    article = make_article(published=False)
    for service in (services.article_publish, services.article_submit_for_review):
        with pytest.raises(PermissionDenied):
            service(article, user=expert_manager)


# --- states and services -------------------------------------------------------------------------


def test_contributor_submits_and_editor_publishes(contributor, editor):
    article = make_article(published=False)
    services.article_submit_for_review(article, user=contributor)
    assert Article.objects.get(pk=article.pk).display_status == Article.DisplayStatus.REVIEW
    assert not public(article)
    services.article_publish(article, user=editor)
    assert Article.objects.get(pk=article.pk).display_status == Article.DisplayStatus.PUBLISHED
    assert public(article)


def test_scheduled_article_goes_live_at_its_time_with_no_job(editor):
    article = make_article(published=False)
    go_live = timezone.now() + timedelta(hours=2)
    services.article_publish(article, user=editor, at=go_live)
    article.refresh_from_db()
    assert article.display_status == Article.DisplayStatus.SCHEDULED
    assert not public(article)
    assert article.get_absolute_url() not in _home(article)
    # Time passes: nothing runs, the public query decides.
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert public(article)


def _home(article):
    from django.test import Client

    return Client().get("/").content.decode()


@pytest.mark.parametrize("service", [services.article_unpublish, services.article_archive])
def test_unpublish_and_archive_take_it_off_public_surfaces(editor, client, service):
    article = make_article()
    assert client.get(article.get_absolute_url()).status_code == 200
    service(article, user=editor)
    assert not public(article)
    assert client.get(article.get_absolute_url()).status_code == 404
    assert article.title not in client.get("/").content.decode()


def test_publish_without_a_date_means_now(editor):
    article = make_article(published=False)
    before = timezone.now()
    services.article_publish(article, user=editor)
    assert before <= Article.objects.get(pk=article.pk).published_at <= timezone.now()


# --- concurrent edits -----------------------------------------------------------------------------


def test_second_save_of_a_stale_copy_is_refused():
    article = make_article(title="Original")
    first = Article.objects.get(pk=article.pk)
    second = Article.objects.get(pk=article.pk)
    first.title = "First editor's title"
    first.save()
    second.title = "Second editor's title"
    with pytest.raises(ConcurrentEditError), transaction.atomic():
        second.save()
    stored = Article.objects.get(pk=article.pk)
    assert stored.title == "First editor's title"
    assert stored.version == first.version == article.version + 1
    assert second.version == article.version  # unchanged: the copy may be retried


def test_service_on_a_stale_copy_is_refused(editor):
    article = make_article(published=False)
    stale = Article.objects.get(pk=article.pk)
    fresh = Article.objects.get(pk=article.pk)
    fresh.summary = "Changed meanwhile"
    fresh.save()
    with pytest.raises(ConcurrentEditError):
        services.article_publish(stale, user=editor)
    assert not public(article)
    assert Article.objects.get(pk=article.pk).summary == "Changed meanwhile"


# --- the admin ------------------------------------------------------------------------------------


def test_contributor_crafted_publish_post_is_refused(client, contributor):
    article = make_article(published=False, publication_type=make_publication_type())
    client.force_login(contributor)
    page = client.get(change_url(article)).content.decode()
    assert 'value="publish"' not in page  # not offered...
    data = form_data(article, workflow_action="publish", publish_anyway="on")
    response = client.post(change_url(article), data)
    assert response.status_code == 200  # ...and refused when sent anyway
    assert "workflow_action" in response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_contributor_can_save_a_draft_and_submit_it(client, contributor):
    article = make_article(published=False, publication_type=make_publication_type())
    client.force_login(contributor)
    response = client.post(
        change_url(article), form_data(article, summary="Better summary", workflow_action="submit")
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.summary, article.status) == ("Better summary", "review")


def test_editor_publishes_through_the_form(client, editor):
    article = make_article(published=False, publication_type=make_publication_type())
    client.force_login(editor)
    data = form_data(article, workflow_action="publish", publish_anyway="on")
    response = client.post(change_url(article), data)
    assert response.status_code == 302
    assert public(article)


def test_stale_form_is_refused_and_keeps_the_editors_text(client, editor):
    article = make_article(title="Start", publication_type=make_publication_type())
    client.force_login(editor)
    stale = form_data(article, summary="My careful new summary")
    other = Article.objects.get(pk=article.pk)
    other.title = "Someone else's title"
    other.save()
    response = client.post(change_url(article), stale)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Someone else saved this article" in content
    assert "My careful new summary" in content  # the editor's text is still in the form
    # Only the fields that really differ are named: their title and this summary.
    message = re.search(r"Fields that differ from the saved version: ([^.]*)\.", content)
    assert message.group(1) == "title, summary"
    stored = Article.objects.get(pk=article.pk)
    assert stored.title == "Someone else's title"
    assert stored.summary != "My careful new summary"


def test_bulk_publish_goes_through_the_service(client, editor, contributor):
    drafts = [make_article(published=False, topics=[make_topic()]) for _ in range(3)]
    action = {"action": "publish", "_selected_action": [a.pk for a in drafts]}
    client.force_login(contributor)
    client.post("/admin/articles/article/", action)
    assert not any(public(a) for a in drafts)  # the action is not theirs to run
    client.force_login(editor)
    client.post("/admin/articles/article/", action)
    assert all(public(a) for a in drafts)


def test_bulk_action_refuses_an_article_saved_after_it_was_loaded(editor, contributor):
    drafts = [make_article(f"Bulk draft {letter}", published=False) for letter in "ABC"]
    # The copies the bulk action holds, loaded when the editor ran it...
    selected = list(Article.objects.filter(pk__in=[a.pk for a in drafts]).order_by("pk"))
    # ...and, before the action reaches it, a contributor saves B with a new title.
    theirs = Article.objects.get(pk=drafts[1].pk)
    theirs.title = "Their new title"
    services.article_save(theirs, user=contributor)

    request = RequestFactory().post("/admin/articles/article/")
    request.user = editor
    request._messages = CookieStorage(request)
    run_service_action(
        admin.site.get_model_admin(Article),
        request,
        selected,
        services.article_publish,
        "%(count)d published.",
    )

    assert public(drafts[0]) and public(drafts[2])
    stored = Article.objects.get(pk=drafts[1].pk)
    assert (stored.title, stored.status) == ("Their new title", Article.Status.DRAFT)
    assert stored.version == theirs.version  # nothing written over their save
    assert not public(stored)
    reported = {message.level: message.message for message in messages.get_messages(request)}
    assert reported[messages.SUCCESS] == "2 published."
    assert "Bulk draft B" in reported[messages.ERROR]  # the title the editor selected
    assert "Bulk draft A" not in reported[messages.ERROR]
    assert "Bulk draft C" not in reported[messages.ERROR]


def test_changelist_shows_the_derived_state(admin_client):
    make_article("Later piece", published_at=timezone.now() + timedelta(days=3))
    content = admin_client.get("/admin/articles/article/").content.decode()
    assert "Scheduled" in content


def test_demo_has_one_account_per_role(demo, client):
    expected = {
        "editor": "Editors",
        "contributor": "Contributors",
        "expert-manager": "Expert managers",
    }
    for username, group in expected.items():
        user = User.objects.get(username=username)
        assert user.is_staff and not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert client.login(username=username, password="changeme")
    assert User.objects.get(username="admin").is_superuser


def test_arabic_article_is_edited_right_to_left_in_an_english_admin(admin_client):
    article = make_article("مقال تجريبي", slug="mqal-tjryby", language="ar")
    form = parse(admin_client.get(change_url(article)))
    for name in ("title", "summary", "body"):
        field = form.find(name=name)
        assert (field.get("lang"), field.get("dir")) == ("ar", "rtl"), name
    slug = form.find(name="slug")  # the slug is ASCII: left to right in any admin
    assert (slug.get("lang"), slug.get("dir")) == ("en", "ltr")
    english = parse(admin_client.get(change_url(make_article("English piece"))))
    assert english.find(name="title").get("dir") == "ltr"
