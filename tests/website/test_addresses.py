"""
No address makes the site fail: malformed ones are a styled 404, trailing slashes
redirect within the site, and a server error is the styled 500 page.
"""

import pytest

from articles import page_selectors
from tests.helpers.htmlpage import parse
from tests.helpers.visibility import assert_styled_404

pytestmark = pytest.mark.django_db


# --- addresses that must never fail ----------------------------------------------


MALFORMED = [
    "/policy-analysis/%00",
    "/policy-analysis/%00abc",
    "/policy-analysis/a/b",
    "/policy-analysis/" + "a" * 300,
    "/policy-analysis/" + "a" * 5000,
    "/policy-analysis/",
    "/policy-analysis",
    "/experts/%ff",
    "/experts/%c3%28",
    "/experts/",
    "/experts/" + "b" * 300,
    "/policy-analysis/x?page=abc",
    "/policy-analysis/maritime-security?page=abc",
    "/policy-analysis/maritime-security?page=-1",
    "/policy-analysis/maritime-security?page=0",
    "/policy-analysis/maritime-security?page=999999",
    "/policy-analysis/maritime-security?page=1e9",
    "/policy-analysis/middle-east?page=abc",
    "/policy-analysis/middle-east?page=999999",
    "/?page=abc",
    "/?page=-1",
    "/?page=999999",
    "/?page=%00",
    "/experts/visible-author?page=abc",
    "/experts/visible-author?page=-1",
    "/experts/visible-author?page=999999",
    "/xx/policy-analysis/foo",
    "/xx/",
    "/ar/xx/policy-analysis/foo",
    "/ar/ar/",
    "/policy-analysis/بوتين",
    "/ar/policy-analysis/%D8%A8%D9%88%D8%AA%D9%8A%D9%86",
    "/experts/آنا",
    "/policy-analysis/published-piece%2F",
    "/policy-analysis/published-piece/%2e%2e/%2e%2e/etc/passwd",
    "/policy-analysis/..%2f..%2fsettings",
    "/policy-analysis/published-piece//",
    "//policy-analysis/published-piece",
    "/policy-analysis/published-piece?utm_source=%ff%fe",
    "/%",
    "/static/../settings.py",
    "/media/../../etc/passwd",
]


@pytest.mark.parametrize("url", MALFORMED)
def test_malformed_addresses_never_fail(client, world, url):
    response = client.get(url)
    assert response.status_code < 500
    # 400 is Django refusing a path that tries to leave MEDIA_ROOT (SuspiciousFileOperation).
    assert response.status_code in (200, 301, 302, 400, 404), response.status_code


@pytest.mark.parametrize("url", ["/policy-analysis/%00", "/policy-analysis/a/b", "/xx/"])
def test_malformed_address_gets_the_styled_404(client, db, url):
    assert_styled_404(client.get(url))


def test_head_and_post_on_public_pages_do_not_fail(client, world):
    for url in ["/", "/policy-analysis/published-piece", "/policy-analysis/missing/"]:
        assert client.head(url).status_code < 500
        assert client.post(url).status_code < 500


# --- trailing slashes -------------------------------------------------------------


def test_article_with_trailing_slash_redirects_permanently(client, world):
    response = client.get("/policy-analysis/published-piece/?utm_source=news&x=1")
    assert response.status_code == 301
    assert response["Location"] == "/policy-analysis/published-piece?utm_source=news&x=1"


def test_arabic_article_with_trailing_slash_redirects(client, world):
    response = client.get("/ar/policy-analysis/arabic-published-piece/")
    assert response.status_code == 301
    assert response["Location"] == "/ar/policy-analysis/arabic-published-piece"


def test_region_page_with_trailing_slash_redirects(client, world):
    response = client.get("/policy-analysis/middle-east/")
    assert response.status_code == 301
    assert response["Location"] == "/policy-analysis/middle-east"


def test_expert_with_trailing_slash_redirects(client, world):
    response = client.get("/experts/visible-author/?page=2")
    assert response.status_code == 301
    assert response["Location"] == "/experts/visible-author?page=2"


def test_slashless_address_is_not_redirected(client, world):
    assert client.get("/policy-analysis/published-piece").status_code == 200
    assert client.get("/experts/visible-author").status_code == 200


def test_home_pages_keep_their_slash(client, world):
    assert client.get("/").status_code == 200
    assert client.get("/ar/").status_code == 200


def test_admin_still_works_at_its_slashed_address(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get("/admin/login/").status_code == 200
    # The admin's own convention (append a slash) is left alone.
    response = client.get("/admin")
    assert response.status_code == 301
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("url", ["/admin/no-such-app/", "/admin/articles/no-such-model/"])
def test_a_missing_admin_page_is_a_404_not_a_redirect_loop(admin_client, url):
    # The admin answers every address under it; a 404 of its own is not "a page
    # without its slash" to strip (APPEND_SLASH would bounce it back).
    assert admin_client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "//evil.example/",
        "//evil.example/policy-analysis/x/",
        "/%2F%2Fevil.example/",
        "/%5C%5Cevil.example/",
        "/policy-analysis/published-piece/?next=//evil.example",
        "/\\evil.example/",
    ],
)
def test_trailing_slash_redirect_never_leaves_the_site(client, world, url):
    # A full URL, so that the test client takes a path starting with // as a path.
    response = client.get(f"http://testserver{url}")
    assert response.status_code in (301, 404)
    if response.status_code == 301:
        location = response["Location"]
        assert location.startswith("/")
        assert not location.startswith(("//", "/\\"))


# --- server errors ------------------------------------------------------------------


def test_server_error_gets_the_styled_500_page(client, world, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(page_selectors, "article_for_page", broken)
    client.raise_request_exception = False
    response = client.get("/policy-analysis/published-piece")
    assert response.status_code == 500
    page = parse(response)
    assert page.find("h1").text == "Something went wrong on our side"
    assert "database on fire" not in response.content.decode()
    assert page.find("link", rel="stylesheet").get("href").endswith("css/site.css")
