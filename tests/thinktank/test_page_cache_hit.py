"""
A page-cache hit, served first in the middleware stack (thinktank.cache): it carries
every header the miss that kept it gave its reader, answers If-None-Match itself, is
logged, makes no query, and never reaches a signed-in reader, /admin/ or /preview/.
"""

import logging

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from tests.helpers.factories import make_article
from tests.helpers.page_cache import get
from thinktank import cache as page_cache

pytestmark = pytest.mark.django_db

# What a reader of a public page gets from the stack (SecurityMiddleware,
# SecurityHeadersMiddleware, XFrameOptionsMiddleware, ...), which a hit must carry too.
SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Permissions-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Frame-Options",
)


@pytest.fixture
def url(db):
    return make_article("Deterrence in the Gulf").get_absolute_url()


@pytest.fixture
def https(settings):
    settings.SECURE_HSTS_SECONDS = 3600
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True


@pytest.mark.parametrize("accepted", ["", "gzip", "br"])
def test_a_hit_carries_exactly_the_headers_of_the_miss(client, url, https, accepted):
    miss, miss_queries = get(client, url, ACCEPT_ENCODING=accepted)
    hit, hit_queries = get(client, url, ACCEPT_ENCODING=accepted)
    assert miss_queries > 0 and hit_queries == 0
    assert dict(hit.headers) == dict(miss.headers)
    assert hit.content == miss.content
    for name in SECURITY_HEADERS:
        assert hit.has_header(name), name


def test_over_https_a_hit_carries_hsts(client, url, https, django_assert_num_queries):
    client.get(url, secure=True)
    with django_assert_num_queries(0):
        hit = client.get(url, secure=True)
    assert hit["Strict-Transport-Security"] == "max-age=3600; includeSubDomains"
    assert "Strict-Transport-Security" not in client.get(url)  # http: another page


def test_a_hit_answers_304_with_the_security_headers_and_no_body(client, url):
    etag = client.get(url)["ETag"]
    response, queries = get(client, url, IF_NONE_MATCH=etag)
    assert (response.status_code, queries, response.content) == (304, 0, b"")
    for name in (*SECURITY_HEADERS, "ETag", "Vary", "Cache-Control"):
        assert response.has_header(name), name
    assert not response.has_header("Content-Type")


def test_a_hit_makes_no_query(client, url, django_assert_num_queries):
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_a_hit_is_logged(client, url, caplog):
    caplog.set_level(logging.INFO, logger="thinktank.request")
    client.get(url)
    client.get(f"{url}?page=2&utm=x")
    client.get(f"{url}?page=2&utm=x")
    miss, other_miss, hit = (
        r.request_fields for r in caplog.records if r.name == caplog.records[0].name
    )
    assert (miss["cache"], other_miss["cache"], hit["cache"]) == ("miss", "miss", "hit")
    assert hit["path"] == url and hit["status"] == 200 and hit["queries"] == 0
    assert hit["query"] == "page,utm" and hit["page"] == 2
    assert hit["bytes"] == other_miss["bytes"]
    assert isinstance(hit["duration_ms"], float)


def counted(view_name="view"):
    """A view answering a keepable page, and the list of the requests it answered."""
    calls = []

    def view(request):
        calls.append(request.path)
        return HttpResponse("<p>the same for everyone</p>")

    return view, calls


@pytest.mark.parametrize("path", ["/admin/", "/admin/articles/article/", "/preview/articles/1"])
def test_admin_and_previews_never_get_a_hit(path):
    view, calls = counted()
    middleware = page_cache.PageCacheMiddleware(view)
    for _request in range(2):
        assert middleware(RequestFactory().get(path)).status_code == 200
    assert len(calls) == 2


def test_a_signed_in_reader_never_gets_a_hit(client, url, editor):
    client.get(url)
    assert get(client, url)[1] == 0  # kept
    client.force_login(editor)
    response = client.get(url)
    assert response.wsgi_request.page_cache == "bypass"
    assert "private" in response["Cache-Control"]
    view, calls = counted()
    middleware = page_cache.PageCacheMiddleware(view)
    for _request in range(2):
        request = RequestFactory().get("/policy-analysis/x")
        request.COOKIES["sessionid"] = "anything"
        middleware(request)
    assert len(calls) == 2
