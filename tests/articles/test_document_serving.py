"""
A document's file follows its article's visibility (articles.views.documents): anyone
gets a published, live article's; nobody gets a draft's, a scheduled one's, an
archived one's or an unpublished one's at any address (its own, the link address, the
media address, an old one); staff get any through the preview. On S3 the reader is sent
to a signed address of the bucket's private prefix.
"""

import urllib.request
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.test import Client
from django.test.utils import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles import services
from articles.models import Article
from tests.helpers.contributing import article_in
from tests.helpers.documents import make_document, pdf_bytes, xlsx_bytes
from tests.helpers.factories import make_article
from tests.helpers.s3 import stored_keys

pytestmark = pytest.mark.django_db

CONTENT = pdf_bytes(["The report itself."])


def get(url, client=None, **headers):
    cache.clear()
    return (client or Client()).get(url, headers=headers)


def body(response):
    """The streamed file, read to its end: the test client then closes the response
    itself (closing it again would close the database connection of the test)."""
    return b"".join(response.streaming_content)


def test_a_published_articles_document_is_streamed_with_safe_headers():
    document = make_document(make_article("Sea Lanes"), "Full report: 2024", CONTENT)
    url = document.get_absolute_url()
    assert url == f"/policy-analysis/sea-lanes/documents/{document.pk}/full-report-2024.pdf"
    response = get(url)
    assert response.status_code == 200
    assert body(response) == CONTENT
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="full-report-2024.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    assert "no-cache" in response["Cache-Control"]
    assert get(f"/media/{document.file.name}").status_code == 404  # never a media file


def test_a_spreadsheet_is_served_as_one():
    document = make_document(make_article(), "Data", xlsx_bytes())
    response = get(document.get_absolute_url())
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].endswith('filename="data.xlsx"')
    body(response)


def test_an_arabic_articles_document_is_under_its_arabic_address():
    document = make_document(make_article("تقرير", slug="taqrir", language="ar"), "التقرير الكامل")
    url = document.get_absolute_url()
    assert url.startswith(f"/ar/policy-analysis/taqrir/documents/{document.pk}/")
    response = get(url)
    assert response.status_code == 200
    assert "filename*=utf-8''" in response["Content-Disposition"]
    body(response)
    assert get(url.removeprefix("/ar")).status_code == 404  # not in another language


def test_the_link_address_leads_to_the_document_now():
    article = make_article("Old Slug")
    document = make_document(article, "Report")
    assert document.stable_url() == f"/documents/{document.pk}"
    response = get(document.stable_url())
    assert response.status_code == 302
    assert response["Location"] == document.get_absolute_url()
    article.slug = "new-slug"
    article.save()
    document.title = "Final report"
    document.save()
    document.refresh_from_db()
    assert get(document.stable_url())["Location"] == (
        f"/policy-analysis/new-slug/documents/{document.pk}/final-report.pdf"
    )


def test_an_old_file_name_redirects_to_the_current_one():
    document = make_document(make_article("Names"), "Report")
    old = document.get_absolute_url().replace("report.pdf", "draft-v3.pdf")
    response = get(old)
    assert (response.status_code, response["Location"]) == (302, document.get_absolute_url())


@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "archived"])
def test_no_document_of_an_article_readers_cannot_see_is_reachable(state):
    document = make_document(article_in(state))
    for url in unreachable_addresses(document):
        assert get(url).status_code in (400, 404), url  # 400: a path out of MEDIA_ROOT


def unreachable_addresses(document):
    name = document.file.name
    return [
        document.get_absolute_url(),
        document.stable_url(),
        f"/media/{name}",
        f"/media/private/{name}",
        f"/media/../private-media/{name}",
        f"/ar{document.get_absolute_url()}",
        # Another published article's address with this document's id.
        f"{make_article().get_absolute_url()}/documents/{document.pk}/{document.filename}",
    ]


@override_settings(PAGE_CACHE_SECONDS=300)  # the page cache on, as in production
def test_unpublishing_takes_the_document_away_at_once(editor):
    article = make_article("Takedown")
    document = make_document(article)
    reader = Client()
    first = reader.get(document.get_absolute_url())
    assert first.status_code == 200
    body(first)
    page = reader.get(article.get_absolute_url())
    assert document.get_absolute_url() in page.content.decode()
    services.article_unpublish(Article.objects.get(pk=article.pk), user=editor)
    for url in (document.get_absolute_url(), document.stable_url()):
        assert reader.get(url).status_code == 404
        assert reader.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 404
    assert reader.get(article.get_absolute_url()).status_code == 404


def test_the_same_file_again_is_not_sent_again():
    document = make_document(make_article())
    first = get(document.get_absolute_url())
    body(first)
    again = get(document.get_absolute_url(), **{"If-None-Match": first["ETag"]})
    assert again.status_code == 304


def test_staff_get_a_drafts_document_through_the_preview(client, contributor):
    document = make_document(make_article(published=False))
    url = f"/preview/articles/{document.article_id}/documents/{document.pk}"
    assert get(url).status_code == 302  # to the login page
    client.force_login(contributor)
    response = client.get(url)
    assert response.status_code == 200
    assert body(response) == document.file.open("rb").read()
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    # The preview page links there, not to the public address.
    page = client.get(f"/preview/articles/{document.article_id}").content.decode()
    assert url in page
    assert document.get_absolute_url() not in page
    # Another article's id with this document's: no.
    other = make_article(published=False)
    assert client.get(f"/preview/articles/{other.pk}/documents/{document.pk}").status_code == 404


def test_a_shared_preview_link_gives_its_articles_documents_until_revoked(editor):
    article = make_article(published=False)
    document = make_document(article)
    shared = services.article_share_preview(article, user=editor)
    page = get(shared).content.decode()
    url = f"{shared}/documents/{document.pk}"
    assert url in page
    response = get(url)
    assert response.status_code == 200
    body(response)
    services.article_revoke_previews(Article.objects.get(pk=article.pk), user=editor)
    assert get(url).status_code == 404
    assert get(f"/preview/not-a-token/documents/{document.pk}").status_code == 404


def test_a_file_gone_from_the_storage_is_a_404_not_an_error():
    document = make_document(make_article())
    document.file.storage.delete(document.file.name)
    assert get(document.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/documents/0",
        "/documents/99999999999999999999",
        "/policy-analysis/nothing/documents/1/x.pdf",
        "/policy-analysis/nothing/documents/1/",
        "/ar/documents/1",
    ],
)
def test_odd_addresses_are_404s(url):
    assert get(url).status_code in (301, 404)


def test_only_get_and_head():
    document = make_document(make_article())
    assert Client().post(document.get_absolute_url()).status_code == 405
    head = Client().head(document.get_absolute_url())
    assert head.status_code == 200
    body(head)


def test_on_s3_the_reader_is_sent_to_a_short_signed_address(s3_private):
    with override_settings(PAGE_CACHE_SECONDS=0):
        document = make_document(make_article("On S3"), "Report", CONTENT)
        assert f"private/{document.file.name}" in stored_keys(s3_private)
        response = get(document.get_absolute_url())
        assert response.status_code == 302
        location = urlsplit(response["Location"])
        assert location.path.endswith(f"/private/{document.file.name}")
        assert "Signature=" in location.query or "X-Amz-Signature=" in location.query
        assert "no-store" in response["Cache-Control"]
        with urllib.request.urlopen(response["Location"]) as fetched:  # noqa: S310 (moto)
            assert fetched.read() == CONTENT
        # Unpublished: no address at all, signed or not.
        Article.objects.filter(pk=document.article_id).update(status=Article.Status.DRAFT)
        assert get(document.get_absolute_url()).status_code == 404


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Any title a form accepts: Django's form fields refuse NUL (PostgreSQL could not store it).
@given(
    title=st.text(
        st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=200
    ).filter(str.strip)
)
def test_whatever_its_title_a_document_has_an_address_that_serves_it(title):
    article = make_article()
    document = make_document(article, title, CONTENT)
    response = get(document.get_absolute_url())
    assert response.status_code == 200, (title, document.get_absolute_url())
    assert body(response) == CONTENT
    assert "\n" not in response["Content-Disposition"]
    redirect = get(document.stable_url())
    assert redirect["Location"] == document.get_absolute_url()
