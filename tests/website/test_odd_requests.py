"""
Requests a stranger may send, whatever their shape, are answered and never with a 500
(tests/website/test_fuzz_requests.py tries thousands of them). A path that reads as another
host or as a broken URL (//other.example/x, //[) is a path of this site wherever the
page names its own address; a request Django refuses as suspicious (a Host not in
ALLOWED_HOSTS, too many parameters) is a 400 and one warning line in the log, with no
traceback.
"""

import io
import logging
import sys
from urllib.parse import urlsplit

import pytest
from django.utils.encoding import escape_uri_path

from tests.helpers.factories import make_article, make_expert, make_region, make_topic
from tests.helpers.htmlpage import parse
from tests.helpers.raw_requests import send
from thinktank.logging import SuspiciousRequestFilter

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

BAD_HOSTS = [
    "other.example", "other.example:80", "testserver.other.example", "[::1", "::1",
    "other.example\r\nX-Injected: 1", "ÿ.example", "a" * 3000, "testserver:port",
    "user@testserver", "testserver/x",
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


@pytest.mark.parametrize("name", ["a" * 256, "a" * 5000, "a/" * 2100 + "a", "é" * 200, "%ff" * 300])
@pytest.mark.parametrize(
    "route", ["/media/{}", "/media/photos/{}.jpg", "/policy-analysis/{}", "/feeds/topics/{}.rss"]
)
def test_a_name_longer_than_a_file_system_allows_is_a_404(client, settings, route, name):
    assert settings.SERVE_MEDIA  # tests/settings.py: uploads served by Django
    assert send(client, route.format(name)).status_code == 404


# A NUL byte (which PostgreSQL refuses in a query), an overlong one, bytes that are not
# UTF-8, and right-to-left and zero-width characters, alone and inside a word.
ODD_VALUES = ["%00", "a%00b", "%C0%80", "%ff", "%ED%A0%80", "%E2%80%AE", "%EF%BB%BFa", "a%0D%0Ab"]


@pytest.mark.parametrize("value", ODD_VALUES)
def test_an_odd_filter_value_matches_nothing_or_is_refused(client, value):
    expert = make_expert("Filtered Expert", slug="filtered-expert")
    make_article(authors=[expert], topics=[make_topic()], regions=[make_region()])
    names = ["type", "topic", "region", "expert", "program", "language", "date_from", "q"]
    query = "&".join(f"{name}={value}" for name in names)
    for path in ["/experts/filtered-expert", "/experts", "/policy-analysis", "/search", "/events"]:
        for each in [query, *query.split("&")]:
            assert send(client, path, each).status_code in (200, 404), (path, each)


@pytest.fixture
def log_output():
    """What the site's own log handler (settings.LOGGING's "console") writes meanwhile."""
    [handler] = [h for h in logging.getLogger().handlers if h.get_name() == "console"]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def assert_one_warning(output, logger):
    lines = output.getvalue().splitlines()
    warnings = [line for line in lines if "level=warning" in line]
    assert len(warnings) == 1, lines
    assert f"logger={logger} " in warnings[0]
    assert not [line for line in lines if "level=error" in line or "Traceback" in line], lines
    [request_line] = [line for line in lines if "logger=thinktank.request " in line]
    assert " status=400 " in request_line


@pytest.mark.parametrize("host", BAD_HOSTS)
def test_a_bad_host_is_a_400_and_one_warning_line(client, log_output, host):
    for path in ["/", "/policy-analysis", "/no-such-page", "//[", "/feeds/latest.rss"]:
        log_output.truncate(0)
        log_output.seek(0)
        assert send(client, path, HTTP_HOST=host).status_code == 400
        assert_one_warning(log_output, "django.security.DisallowedHost")


def test_every_request_refused_as_suspicious_is_one_warning_line(client, log_output):
    too_many = "&".join(f"field{index}=1" for index in range(1001))
    assert send(client, "/policy-analysis", too_many).status_code == 400
    assert_one_warning(log_output, "django.security.TooManyFieldsSent")


def test_other_errors_keep_their_level_and_traceback():
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord(
            "django.request", logging.ERROR, __file__, 1, "Internal Server Error", (), None
        )
        record.exc_info = sys.exc_info()
    SuspiciousRequestFilter().filter(record)
    assert record.levelname == "ERROR" and record.exc_info[1].args == ("boom",)
