"""The live preview's endpoint: the form's unsaved state rendered as the public page,
saving nothing; only for who may change the article; invalid input answered with what
to correct, never a 500; private (never cached, never indexed)."""

import json

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.helpers.adminforms import article_form_data, change_url, form_data
from tests.helpers.factories import make_article, make_expert, make_topic
from tests.helpers.library import figure, make_image

pytestmark = pytest.mark.django_db

NEW_URL = "/admin/articles/article/live-preview/"
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def live_preview_url(article):
    return f"/admin/articles/article/{article.pk}/live-preview/"


def row_counts():
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


def post_saving_nothing(client, url, data):
    """POST `data` to `url`; asserts no row was written (no statement, no count changed)."""
    before = row_counts()
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data)
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]
    assert writes == []
    assert row_counts() == before
    return response


@pytest.fixture
def article():
    return make_article("Stored title", published=False, body="<p>Stored body.</p>")


def test_the_unsaved_form_is_rendered_as_the_page(client, editor, article):
    client.force_login(editor)
    data = form_data(article, title="Typed title", body="<p>Typed words here.</p>")
    response = post_saving_nothing(client, live_preview_url(article), data)
    assert response.status_code == 200
    answer = response.json()
    assert '<h1 id="article-title" class="article__title">Typed title</h1>' in answer["page"]
    assert "Typed words here." in answer["page"] and "Stored body." not in answer["page"]
    assert '<meta name="robots" content="noindex, nofollow">' in answer["page"]
    article.refresh_from_db()
    assert article.title == "Stored title" and article.body == "<p>Stored body.</p>"


def test_a_new_article_is_previewed_before_it_exists(client, editor):
    client.force_login(editor)
    data = article_form_data(title="Not yet saved", slug="", status="draft")
    response = post_saving_nothing(client, NEW_URL, data)
    assert response.status_code == 200
    page = response.json()["page"]
    assert "Not yet saved" in page and "<script>" not in page.split("<body")[1]


def test_authors_and_topics_as_typed(client, editor, article):
    expert, topic = make_expert("Layla Haddad"), make_topic("Water")
    client.force_login(editor)
    data = form_data(
        article,
        topics=[topic.pk],
        **{
            "authorships-TOTAL_FORMS": "1",
            "authorships-0-expert": expert.pk,
            "authorships-0-position": "0",
        },
    )
    page = post_saving_nothing(client, live_preview_url(article), data).json()["page"]
    assert "Layla Haddad" in page and "Water" in page
    assert not article.authorships.exists() and not article.topics.exists()


def test_a_draft_figure_is_rendered(client, editor, article):
    image = make_image("Dam at dusk")
    client.force_login(editor)
    data = form_data(article, body=f"<p>Before.</p>{figure(image, caption='The dam')}")
    page = post_saving_nothing(client, live_preview_url(article), data).json()["page"]
    assert "<figure" in page.split('class="prose"')[1] and "The dam" in page


def test_an_arabic_article_is_previewed_right_to_left(client, editor):
    article = make_article("مسودة", slug="mswda", language="ar", published=False)
    client.force_login(editor)
    answer = client.post(live_preview_url(article), form_data(article, title="عنوان جديد")).json()
    assert '<html lang="ar" dir="rtl">' in answer["page"] and "عنوان جديد" in answer["page"]
    assert 'lang="ar"' in answer["quality"]


@pytest.mark.parametrize(
    "changes",
    [
        {"title": ""},
        {"slug": "not a slug!"},
        {"publication_type": "999999"},
        {"language": "xx"},
        {"schedule_at": "not a date", "workflow_action": "schedule"},
        {"authorships-TOTAL_FORMS": "1", "authorships-0-expert": "999999"},
        {"authorships-TOTAL_FORMS": "nonsense"},
    ],
)
def test_invalid_input_is_answered_with_what_to_correct(client, editor, article, changes):
    client.force_login(editor)
    response = post_saving_nothing(client, live_preview_url(article), form_data(article, **changes))
    assert response.status_code == 400
    assert "cannot be updated until these are corrected" in response.json()["errors"]


def test_a_stale_copy_is_previewed_all_the_same(client, editor, article):
    client.force_login(editor)
    data = form_data(article, title="Mine", loaded_version=article.version - 1)
    response = client.post(live_preview_url(article), data)
    assert response.status_code == 200 and "Mine" in response.json()["page"]


def test_preview_is_private(client, editor, article):
    client.force_login(editor)
    response = client.post(live_preview_url(article), form_data(article))
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    # Shown in a frame of the admin's own page from memory (srcdoc): never framed from
    # its address, so nothing is relaxed.
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_only_a_post(client, editor, article):
    client.force_login(editor)
    assert client.get(live_preview_url(article)).status_code == 405


def test_needs_a_staff_login(client, article):
    response = client.post(live_preview_url(article), form_data(article))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_needs_the_permission_to_change(client, article):
    viewer = User.objects.create_user("viewer", password="x", is_staff=True)
    client.force_login(viewer)
    assert client.post(live_preview_url(article), form_data(article)).status_code == 403
    assert client.post(NEW_URL, article_form_data()).status_code == 403


def test_a_contributor_previews_by_the_form_s_own_rules(client, contributor, article):
    client.force_login(contributor)
    assert client.post(live_preview_url(article), form_data(article)).status_code == 200
    # Publishing is not theirs: the form says so in the panel, as it would on saving.
    data = form_data(article, workflow_action="publish")
    assert post_saving_nothing(client, live_preview_url(article), data).status_code == 400


def test_needs_a_csrf_token(editor, article):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(live_preview_url(article), form_data(article)).status_code == 403


@pytest.mark.parametrize("address", ["999999", "abc", "1%2F2", "-1"])
def test_missing_article(client, editor, address):
    client.force_login(editor)
    response = client.post(f"/admin/articles/article/{address}/live-preview/", {})
    assert response.status_code == 404


def test_the_change_form_offers_the_panel(client, editor, article):
    client.force_login(editor)
    content = client.get(change_url(article)).content.decode()
    assert f'data-url="{live_preview_url(article)}"' in content
    assert 'sandbox="allow-same-origin"' in content and "js/live-preview.js" in content
    content = client.get("/admin/articles/article/add/").content.decode()
    assert f'data-url="{NEW_URL}"' in content


def test_quality_panel_measures_the_page(client, editor, article):
    client.force_login(editor)
    data = form_data(article, title="Short", summary="A summary.", body="<p>one two three</p>")
    quality = client.post(live_preview_url(article), data).json()["quality"]
    assert 'data-words="5"' in quality and 'data-minutes="1"' in quality
    assert 'data-warning="search-title"' not in quality
    data = form_data(article, title="Long " * 20, summary="word " * 60)
    quality = client.post(live_preview_url(article), data).json()["quality"]
    for warning in ("search-title", "search-description", "card-title", "card-description"):
        assert f'data-warning="{warning}"' in quality
    assert json.dumps(quality)
