"""
The save bar's buttons (articles/workflow.py, articles/admin/workflow.py): each role is
offered the steps it may take in each state, each step is taken through its service
with a revision holding who and the note, and a step not offered is refused when posted
anyway (nothing saved, nothing recorded).
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from articles.models import Article, ArticleRevision
from tests.helpers.adminforms import article_form_data, change_url, form_data
from tests.helpers.contributing import PROPOSED, article_in, messages_of, stored
from tests.helpers.htmlpage import parse

pytestmark = pytest.mark.django_db

STATES = ("draft", "review", "scheduled", "live", "archived")

# What each role is offered, state by state, in the bar's order (the plain save first).
OFFERED = {
    "contributor": {
        "draft": ["save", "submit"],
        "review": ["save"],
        "scheduled": ["save"],
        "live": ["save"],
        "archived": ["save"],
    },
    "editor": {
        "draft": ["save", "submit", "publish", "schedule"],
        "review": ["save", "publish", "schedule", "send_back"],
        "scheduled": ["save", "publish", "schedule", "unpublish"],
        "live": ["save", "unpublish"],
        "archived": ["save", "publish", "unpublish"],
    },
}
OFFERED["admin"] = OFFERED["editor"]
STEPS = ("save", "submit", "publish", "schedule", "unpublish", "send_back")


@pytest.fixture
def users(editor, contributor):
    admin = User.objects.create_superuser("boss", "boss@example.org", "x")
    return {"admin": admin, "editor": editor, "contributor": contributor}


def buttons(page):
    bar = parse(page).find(id="workflow-bar")
    row = bar.find(cls="workflow-buttons")
    return [(button.get("value"), button.text) for button in row.find_all("button")]


def later(days=3):
    return (timezone.localtime() + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


def step_data(article, step, **extra):
    data = {
        "workflow_action": step,
        "publish_anyway": "on",
        "change_note": "A note",
        "_continue": "1",
    }
    if step == "schedule":
        data["schedule_at"] = later()
    return form_data(article, **{**data, **extra})


@pytest.mark.parametrize("role", ["admin", "editor", "contributor"])
@pytest.mark.parametrize("state", STATES)
def test_each_role_is_offered_its_steps(client, users, role, state):
    article = article_in(state)
    client.force_login(users[role])
    page = client.get(change_url(article)).content.decode()
    assert [value for value, _label in buttons(page)] == OFFERED[role][state]
    assert 'name="status"' not in page and "published_at_0" not in page  # no dropdown


def test_the_buttons_say_what_they_do(client, users):
    client.force_login(users["contributor"])
    assert buttons(client.get(change_url(article_in("draft"))).content.decode()) == [
        ("save", "Save draft"),
        ("submit", "Submit for review"),
    ]
    live = client.get(change_url(article_in("live"))).content.decode()
    assert buttons(live) == [("save", "Propose this change for review")]
    assert "saving keeps your changes as a proposal" in live
    client.force_login(users["editor"])
    assert buttons(client.get(change_url(article_in("live"))).content.decode()) == [
        ("save", "Update the live article"),
        ("unpublish", "Unpublish"),
    ]


@pytest.mark.parametrize("role", ["admin", "editor", "contributor"])
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("step", STEPS)
def test_a_step_is_taken_only_when_offered(client, users, role, state, step):
    article = article_in(state)
    before = stored(article)
    user = users[role]
    client.force_login(user)
    response = client.post(change_url(article), step_data(article, step))
    if step not in OFFERED[role][state]:  # a crafted POST
        assert response.status_code == 200
        assert "workflow_action" in response.context["adminform"].form.errors
        assert stored(article) == before
        assert not ArticleRevision.objects.filter(article=article).exists()
        return
    assert response.status_code == 302
    assert response["Location"] == change_url(article)  # one primary action: continue
    fresh = Article.objects.get(pk=article.pk)
    revision = ArticleRevision.objects.filter(article=article).latest("pk")
    assert (revision.user, revision.note) == (user, "A note")
    expected = {
        "submit": Article.DisplayStatus.REVIEW,
        "publish": Article.DisplayStatus.PUBLISHED,
        "schedule": Article.DisplayStatus.SCHEDULED,
        "unpublish": Article.DisplayStatus.DRAFT,
        "send_back": Article.DisplayStatus.DRAFT,
    }
    if step == "save" and role == "contributor" and state in ("scheduled", "live", "archived"):
        assert revision.is_pending  # a proposal: the article itself unchanged
        assert any(PROPOSED in message for message in messages_of(response))
        assert stored(article) == before
    elif step == "save":
        assert fresh.status == before[0]["status"]
    else:
        assert fresh.display_status == expected[step]
        assert revision.data["status"] == fresh.status


def test_send_back_needs_a_note(client, editor):
    article = article_in("review")
    client.force_login(editor)
    response = client.post(change_url(article), step_data(article, "send_back", change_note=" "))
    assert response.status_code == 200
    assert "change_note" in response.context["adminform"].form.errors
    assert Article.objects.get(pk=article.pk).status == Article.Status.REVIEW


def test_a_new_article_is_saved_as_a_draft_or_submitted(client, contributor):
    client.force_login(contributor)
    response = client.post(
        "/admin/articles/article/add/",
        article_form_data(workflow_action="submit", publish_anyway="", change_note="Please"),
    )
    assert response.status_code == 302
    article = Article.objects.get(slug="written-in-the-admin")
    assert article.status == Article.Status.REVIEW
    assert article.revisions.get().note == "Please"
    crafted = article_form_data(slug="crafted", workflow_action="publish")
    assert client.post("/admin/articles/article/add/", crafted).status_code == 200
    assert not Article.objects.filter(slug="crafted").exists()


def test_the_bar_shows_the_state(client, editor):
    client.force_login(editor)
    for state, label in [("draft", "Draft"), ("review", "In review"), ("live", "Published")]:
        bar = parse(client.get(change_url(article_in(state))).content).find(id="workflow-bar")
        assert bar.find(cls="workflow-state__label").text == label
