"""
Requests a stranger may send, whatever their shape, are answered and never with a 500
(tests/test_fuzz_requests.py tries thousands of them). A path that reads as another
host or as a broken URL (//other.example/x, //[) is a path of this site wherever the
page names its own address.
"""

from urllib.parse import urlsplit

import pytest
from django.utils.encoding import escape_uri_path

from tests.htmlpage import parse
from tests.raw_requests import send

pytestmark = pytest.mark.django_db

# Paths a URL parser would read as naming a host, a port, a user, an IPv6 address
# (broken or not), a query or a fragment, in every language's part of the site.
ODD_PATHS = [
    "//other.example/x", "//other.example", "///other.example/x", "////other.example",
    "/%2F%2Fother.example/x", "//other.example:8080/x", "//user:pw@other.example/x",
    "//[", "//[x/y", "//]", "//[::1]/x", "//[::1", "//%5B", "//other.example%3Fq=1%23f",
    "/\\other.example/x", "/\\\\other.example", "/%5C%5Cother.example", "//évil.example/x",
    "//%ff/x", "/%00//other.example", "//other.example/%0D%0ASet-Cookie:x=1",
    "/ar//other.example/x", "/fa//[", "/policy-analysis//other.example", "/experts//[",
    "/feeds//other.example/x.rss", "/http://other.example/x", "/https:other.example",
]  # fmt: skip


def absolute_urls(head):
    """Every absolute URL in a page's <head>: canonical, alternates, og:url, og:image..."""
    values = [element.get("href") for element in head.find_all("link")]
    values += [element.get("content") for element in head.find_all("meta")]
    return [value for value in values if value and value.startswith(("http:", "https:", "//"))]


@pytest.mark.parametrize("path", ODD_PATHS)
def test_an_odd_path_is_named_on_this_sites_own_host(client, path):
    response = send(client, path)
    assert response.status_code == 404
    head = parse(response).find("head")
    own = f"http://testserver{escape_uri_path(response.wsgi_request.path)}"
    assert head.find("meta", property="og:url").get("content") == own
    for url in absolute_urls(head):
        assert urlsplit(url).netloc == "testserver", url
