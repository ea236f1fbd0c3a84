"""
Kept pages compressed once (thinktank.kept_pages): a reader gets the page in the best
encoding it accepts, the same bytes once decoded, with its own ETag, on a miss and on a
hit alike; one who accepts none gets it as it is.
"""

import gzip

import brotli
import pytest
from django.core.cache import cache
from django.test import RequestFactory

from tests.helpers.factories import make_article
from tests.helpers.page_cache import get
from thinktank.kept_pages import accepted_encoding

pytestmark = pytest.mark.django_db

DECODE = {"br": brotli.decompress, "gzip": gzip.decompress, None: lambda body: body}


@pytest.fixture
def url(db):
    return make_article("Deterrence in the Gulf").get_absolute_url()


@pytest.mark.parametrize(
    ("accepted", "encoding"),
    [
        ("gzip, deflate, br", "br"),
        ("gzip", "gzip"),
        ("br;q=0, gzip;q=0.5", "gzip"),
        ("identity", None),
        ("", None),
    ],
)
def test_each_reader_gets_the_encoding_it_accepts(client, url, accepted, encoding):
    plain = client.get(url).content
    cache.clear()
    for attempt in ("miss", "hit"):
        response, queries = get(client, url, ACCEPT_ENCODING=accepted)
        assert (queries == 0) == (attempt == "hit")
        assert response.get("Content-Encoding") == encoding
        assert DECODE[encoding](response.content) == plain
        assert response["Content-Length"] == str(len(response.content))
        assert "Accept-Encoding" in response["Vary"]


def test_each_encoding_has_its_own_etag_and_answers_304(client, url):
    tags = {}
    for accepted in ("br", "gzip", ""):
        tags[accepted] = client.get(url, headers={"Accept-Encoding": accepted})["ETag"]
    assert len(set(tags.values())) == 3
    for accepted, etag in tags.items():
        again = client.get(url, headers={"Accept-Encoding": accepted, "If-None-Match": etag})
        assert again.status_code == 304


def test_a_malformed_accept_encoding_gets_the_page_as_it_is():
    request = RequestFactory().get("/", headers={"Accept-Encoding": "br;q=high, gzip;q="})
    assert accepted_encoding(request, {"": b"", "br": b"", "gzip": b""}) == "gzip"
