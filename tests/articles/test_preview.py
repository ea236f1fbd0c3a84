"""Previews: staff see drafts as readers will; outside reviewers get signed, expiring,
revocable links; previews are never indexed nor cached."""

import re

import pytest
from django.contrib.auth.models import User

from articles import preview, services
from tests.helpers.factories import in_future, make_article

pytestmark = pytest.mark.django_db


def assert_private(response):
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


@pytest.mark.parametrize("kind", ["draft", "scheduled"])
def test_staff_preview_of_an_unpublished_article(client, editor, kind):
    article = (
        make_article("Embargoed", published=False)
        if kind == "draft"
        else make_article("Embargoed", published_at=in_future())
    )
    assert client.get(article.get_absolute_url()).status_code == 404
    client.force_login(editor)
    response = client.get(f"/preview/articles/{article.pk}")
    assert_private(response)
    assert "<h1" in response.content.decode() and "Embargoed" in response.content.decode()


def test_preview_needs_a_staff_login(client):
    article = make_article(published=False)
    response = client.get(f"/preview/articles/{article.pk}")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_arabic_draft_previews_in_arabic(client, editor):
    article = make_article("مسودة", slug="mswda", language="ar", published=False)
    client.force_login(editor)
    content = client.get(f"/preview/articles/{article.pk}").content.decode()
    assert '<html lang="ar" dir="rtl">' in content


def test_shared_link_works_without_an_account_until_revoked(client, editor):
    article = make_article("Shared draft", published=False)
    url = services.article_share_preview(article, user=editor)
    assert_private(client.get(url))
    services.article_revoke_previews(article, user=editor)
    assert client.get(url).status_code == 404
    fresh = services.article_share_preview(article, user=editor)
    assert fresh != url and client.get(fresh).status_code == 200


def test_shared_link_expires(client, editor, settings):
    article = make_article(published=False)
    url = services.article_share_preview(article, user=editor)
    settings.ARTICLE_PREVIEW_MAX_AGE = -1
    assert client.get(url).status_code == 404
    assert preview.max_age() == -1


@pytest.mark.parametrize("token", ["nonsense", "a" * 300, "x:y:z"])
def test_forged_links_are_404(client, token):
    assert client.get(f"/preview/{token}").status_code == 404


def test_contributor_cannot_share_a_preview():
    contributor = User.objects.create_user("pv-viewer", password="x", is_staff=True)
    with pytest.raises(services.PermissionDenied):
        services.article_share_preview(make_article(), user=contributor)


def test_admin_shares_and_revokes_links(client, editor):
    article = make_article(published=False)
    client.force_login(editor)
    change = f"/admin/articles/article/{article.pk}/change/"
    assert f"/preview/articles/{article.pk}" in client.get(change).content.decode()
    response = client.post(f"/admin/articles/article/{article.pk}/preview-link/", follow=True)
    link = re.search(r"http://testserver(/preview/[^\s<\"]+)", response.content.decode()).group(1)
    client.logout()
    assert client.get(link).status_code == 200
    client.force_login(editor)
    client.post(f"/admin/articles/article/{article.pk}/preview-link/", {"revoke": "1"})
    client.logout()
    assert client.get(link).status_code == 404
