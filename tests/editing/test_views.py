"""The autosave and edit-lock endpoints under the article admin, and the form's side:
a real save deletes the autosave, a refused stale copy is shown side by side."""

import json

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from articles.models import Article
from editing import selectors, services
from editing.admin import SAVED_COOKIE
from editing.models import NEW_OBJECT, Autosave
from tests.helpers.adminforms import change_url, form_data
from tests.helpers.expertforms import change_url as expert_change_url
from tests.helpers.expertforms import form_data as expert_form_data
from tests.helpers.factories import make_article, make_expert

pytestmark = pytest.mark.django_db


def autosave_url(article=None):
    if article is None:
        return reverse("admin:articles_article_autosave_new")
    return reverse("admin:articles_article_autosave", args=[article.pk])


def lock_url(article):
    return reverse("admin:articles_article_edit_lock", args=[article.pk])


def client_of(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(reverse("admin:index"))  # its logout form sets the CSRF cookie
    client.defaults["HTTP_X_CSRFTOKEN"] = client.cookies["csrftoken"].value
    return client


def post_json(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def form_state(title):
    return {"fields": {"title": [title]}, "options": {}}


@pytest.fixture
def second_editor(editor):
    other = User.objects.create_user("ed2", is_staff=True)
    other.groups.set(editor.groups.all())
    return User.objects.get(pk=other.pk)


def test_an_editor_stores_reads_and_discards_their_autosave(editor):
    article = make_article()
    client = client_of(editor)
    assert client.get(autosave_url(article)).json()["autosave"] is None
    response = post_json(
        client, autosave_url(article), {"data": form_state("Draft"), "base_version": 1}
    )
    assert response.status_code == 200, response.content
    stored = client.get(autosave_url(article)).json()["autosave"]
    assert stored["data"] == form_state("Draft") and stored["base_version"] == 1
    assert client.delete(autosave_url(article)).status_code == 200
    assert client.get(autosave_url(article)).json()["autosave"] is None


def test_another_editor_neither_reads_nor_overwrites_it(editor, second_editor):
    article = make_article()
    post_json(client_of(editor), autosave_url(article), {"data": form_state("Mine")})
    other = client_of(second_editor)
    assert other.get(autosave_url(article)).json()["autosave"] is None
    post_json(other, autosave_url(article), {"data": form_state("Theirs")})
    other.delete(autosave_url(article))
    mine = selectors.autosave_of(user=editor, model=Article, object_id=article.pk)
    assert mine.data == form_state("Mine")


def test_the_new_article_form_has_its_autosave(editor):
    client = client_of(editor)
    post_json(client, autosave_url(), {"data": form_state("Not yet saved")})
    assert client.get(autosave_url()).json()["autosave"]["data"] == form_state("Not yet saved")
    assert Autosave.objects.get().object_id == NEW_OBJECT


def test_an_expired_session_is_told_in_json(editor):
    article = make_article()
    anonymous = Client()
    for response in (
        anonymous.get(autosave_url(article)),
        post_json(anonymous, autosave_url(article), {"data": form_state("x")}),
        post_json(anonymous, lock_url(article), {}),
    ):
        assert response.status_code == 401
        assert response.json()["error"] == "session_expired"


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[1, 2]",
        b'"text"',
        json.dumps({"data": {"fields": "title"}}).encode(),
        json.dumps({"data": form_state("x"), "base_version": "one"}).encode(),
    ],
)
def test_bad_input_gets_400_with_a_message(editor, body):
    client = client_of(editor)
    response = client.post(autosave_url(), body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["message"]
    assert not Autosave.objects.exists()


def test_too_large_gets_400_with_a_message(editor, monkeypatch):
    monkeypatch.setattr(services, "AUTOSAVE_MAX_BYTES", 200)
    response = post_json(client_of(editor), autosave_url(), {"data": form_state("x" * 300)})
    assert response.status_code == 400
    assert "too large" in response.json()["message"]


def test_a_user_who_may_not_change_it_is_refused(db):
    outsider = User.objects.create_user("outsider", is_staff=True)
    article = make_article()
    client = client_of(outsider)
    assert client.get(autosave_url(article)).status_code == 403
    assert post_json(client, autosave_url(article), {"data": form_state("x")}).status_code == 403
    assert post_json(client, lock_url(article), {}).status_code == 403
    assert not Autosave.objects.exists()


def test_without_the_csrf_token_nothing_is_stored(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert post_json(client, autosave_url(), {"data": form_state("x")}).status_code == 403
    assert not Autosave.objects.exists()


def test_the_lock_endpoint_tells_who_has_it_open(editor, second_editor):
    second_editor.first_name, second_editor.last_name = "Dana", "Lee"
    second_editor.save()
    article = make_article()
    mine = post_json(client_of(editor), lock_url(article), {}).json()
    assert mine["mine"] is True
    other = client_of(second_editor)
    seen = post_json(other, lock_url(article), {}).json()
    assert seen["mine"] is False and seen["holder"] == editor.username and seen["since_display"]
    taken = post_json(other, lock_url(article), {"take_over": True}).json()
    assert taken["mine"] is True
    assert post_json(client_of(editor), lock_url(article), {}).json()["holder"] == "Dana Lee"
    # The page closing (navigator.sendBeacon posts a form).
    other.post(lock_url(article), {"release": "1"})
    assert selectors.live_lock_of(model=Article, object_id=article.pk) is None


def test_saving_the_form_deletes_the_autosave_and_releases_the_lock(editor):
    article = make_article()
    services.autosave_store(user=editor, model=Article, object_id=article.pk, data=form_state("x"))
    services.edit_lock_heartbeat(user=editor, model=Article, object_id=article.pk)
    client = Client()
    client.force_login(editor)
    response = client.post(change_url(article), form_data(article, title="Saved for real"))
    assert response.status_code == 302, response.content
    assert not Autosave.objects.exists()
    assert selectors.live_lock_of(model=Article, object_id=article.pk) is None
    assert response.cookies[SAVED_COOKIE].value == f"{editor.pk}:articles.article:{article.pk}"


def test_the_change_form_carries_the_pages_configuration(editor):
    article = make_article()
    client = Client()
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert 'id="editing-config"' in page and "js/autosave.js" in page
    assert f"{editor.pk}:articles.article:{article.pk}" in page


def test_a_stale_copy_is_shown_side_by_side(editor, second_editor):
    article = make_article(title="Original title", summary="Original summary.")
    opened = form_data(article)
    article.title = "Their title"
    article.save()
    client = Client()
    client.force_login(editor)
    response = client.post(
        change_url(article), {**opened, "title": "My title", "summary": "My summary."}
    )
    assert response.status_code == 200
    rows = {row["name"]: row for row in response.context["edit_conflict"]["rows"]}
    assert set(rows) == {"title", "summary"}
    assert rows["title"]["theirs"]["text"] == "Their title"
    assert rows["title"]["yours"]["text"] == "My title"
    assert rows["summary"]["theirs"]["text"] == "Original summary."
    assert response.context["edit_conflict"]["version"] == article.version
    page = response.content.decode()
    assert 'id="editing-conflict"' in page and "My title" in page
    article.refresh_from_db()
    assert article.title == "Their title"


def test_a_stale_expert_form_is_shown_side_by_side_per_language(expert_manager):
    expert = make_expert("Hanin Ghaddar", role="Senior fellow")
    client = Client()
    client.force_login(expert_manager)
    opened = expert_form_data(client, expert_change_url(expert))
    expert.translations = {"ar": {"role": "زميلة أولى"}}
    expert.save()
    response = client.post(
        expert_change_url(expert), {**opened, "role__ar": "زميلة", "role": "Fellow"}
    )
    assert response.status_code == 200
    rows = {row["name"]: row for row in response.context["edit_conflict"]["rows"]}
    assert set(rows) == {"role", "role__ar"}
    assert rows["role__ar"]["theirs"]["text"] == "زميلة أولى"
    assert rows["role__ar"]["yours"]["text"] == "زميلة"
    assert rows["role"]["theirs"]["text"] == "Senior fellow"
