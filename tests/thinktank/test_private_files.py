"""
thinktank.private_files: a private file answered from the filesystem (streamed, with its
name, type, nosniff, a sandbox and caching that asks again each time) or from the bucket
(a redirect to a short-lived signed address of an object under private/).
"""

import time
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.http import Http404
from django.test import RequestFactory

from tests.helpers.s3 import stored_keys
from thinktank.private_files import private_file_response, private_storage

# Closing a response sends request_finished, which looks at the database connection.
pytestmark = pytest.mark.django_db

CONTENT = b"%PDF-1.7\n<script>alert(1)</script>\n"


@pytest.fixture
def stored_name():
    name = private_storage().save("tests/report.pdf", ContentFile(CONTENT))
    yield name
    private_storage().delete(name)


def answer(name, **headers):
    request = RequestFactory().get("/x", headers=headers)
    return private_file_response(
        request,
        name,
        filename="Annual report 2024.pdf",
        content_type="application/pdf",
        public=True,
    )


def test_a_private_file_is_streamed_with_its_name_type_and_a_sandbox(stored_name):
    response = answer(stored_name)
    assert response.streaming
    assert b"".join(response.streaming_content) == CONTENT
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Annual report 2024.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    assert "no-cache" in response["Cache-Control"]


def test_a_name_outside_ascii_is_given_in_rfc_5987_form(stored_name):
    request = RequestFactory().get("/x")
    response = private_file_response(
        request, stored_name, filename="تقرير.pdf", content_type="application/pdf", public=True
    )
    assert "filename*=utf-8''" in response["Content-Disposition"]
    response.close()


def test_the_same_file_again_is_a_304_without_opening_it(stored_name):
    first = answer(stored_name)
    first.close()
    again = answer(stored_name, **{"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert not again.streaming


def test_a_file_for_one_reader_is_private(stored_name):
    request = RequestFactory().get("/x")
    response = private_file_response(
        request, stored_name, filename="a.pdf", content_type="application/pdf", public=False
    )
    response.close()
    assert "private" in response["Cache-Control"]


def test_a_missing_file_is_a_404_not_an_error():
    with pytest.raises(Http404):
        answer("tests/never-stored.pdf")


def lifetime(query):
    """Seconds a signed address lasts: signature version 4 says it, version 2 gives the end."""
    if "X-Amz-Expires" in query:
        return int(query["X-Amz-Expires"][0])
    return int(query["Expires"][0]) - time.time()


def test_on_s3_the_reader_is_sent_to_a_signed_address_that_expires(s3_private):
    name = private_storage().save("tests/report.pdf", ContentFile(CONTENT))
    assert f"private/{name}" in stored_keys(s3_private)
    response = answer(name)
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    url = urlsplit(response["Location"])
    assert url.path.endswith(f"/private/{name}")
    query = parse_qs(url.query)
    assert lifetime(query) <= 300
    assert query["response-content-disposition"] == [
        'attachment; filename="Annual report 2024.pdf"'
    ]
    assert query["response-content-type"] == ["application/pdf"]
    with urllib.request.urlopen(response["Location"]) as fetched:  # noqa: S310 (moto, local)
        assert fetched.read() == CONTENT
