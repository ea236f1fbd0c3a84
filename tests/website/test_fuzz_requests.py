"""
No request a stranger can send gives a 500. Hypothesis generates requests from every
public URL pattern (walked from the URLconf, so a new page is fuzzed too): its
arguments a real slug of the demo content or junk, under a language prefix or an odd
one (//, ///, /%2F, brackets, a backslash), with junk around it, percent-encoded bytes
that are not UTF-8, and query strings of the site's parameters and others, repeated,
with page numbers in any script's digits; GET and HEAD, with headers of any value (a
bad Host now and then). Each answer must be below 500. tests/website/test_odd_requests.py and
tests/thinktank/test_pagination.py keep a regression test for each class of input found. Some
fail on PostgreSQL only (a NUL byte in a query): run this with DATABASE_URL too.
"""

import re
import string
from urllib.parse import quote, quote_from_bytes

import pytest
from django.conf import settings
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles.models import Article, PublicationType, Region, Topic
from experts.models import Expert, Program
from tests.helpers.raw_requests import send
from website.urls import SITEMAPS

pytestmark = pytest.mark.django_db

FUZZ = hypothesis_settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CONVERTER = re.compile(r"<(?:\w+:)?\w+>")


def public_routes(patterns=None, prefix="", localized=False):
    """(route, localized) for each route outside the admin: "policy-analysis/<slug:slug>"."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue
            is_locale = isinstance(pattern.pattern, LocalePrefixPattern)
            route = "" if is_locale else str(pattern.pattern)
            yield from public_routes(pattern.url_patterns, prefix + route, localized or is_locale)
        elif isinstance(pattern.pattern, RoutePattern):
            yield prefix + str(pattern.pattern), localized


ROUTES = sorted(set(public_routes()))
LANGUAGE_PREFIXES = ["", *(f"/{code}" for code, _name in settings.LANGUAGES[1:])]
ODD_PREFIXES = [
    "", "/", "//", "///", "/%2F", "/%2F%2F", "//[", "//]", "//[::1]", "//other.example",
    "/\\", "/%5C", "//%ff", "/%00", "/./", "/../", "/media/", "/admin/../",
]  # fmt: skip
JUNK = [
    "", "/", "//", "[", "]", "%", "%2F", "%00", "%ff", "%C0%AF", "..", ".", "%3F", "%23",
    "\\", "@", ":", "%5B", "٣", "²", "①", "\u202e", "\ufeff", ";", "%20", "a" * 300,
]  # fmt: skip
PARAMETERS = [
    "page", "q", "type", "topic", "region", "expert", "program", "language", "date_from",
    "date_to", "csrfmiddlewaretoken", "p", "",
]  # fmt: skip
VALUES = ["last", "all", "2023-12-14", "\x00", "a\x00b", "\u202e", "\ufeff", "\r\n", " "]
BAD_HOSTS = ["other.example", "[::1", "testserver:x", "a" * 300]
# Headers a stranger sets as they like, that the site or Django reads.
HEADERS = [
    "HTTP_ACCEPT_LANGUAGE", "HTTP_COOKIE", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE", "HTTP_RANGE", "HTTP_REFERER",
    "HTTP_USER_AGENT", "HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_ACCEPT",
]  # fmt: skip
HEADER_VALUES = [
    "ar", "fa-IR,fa;q=0.9", "*;q=abc", "ar;q=", "zz-ZZ", "a" * 1000, '"x", W/"y"', "*",
    "Sun, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 99999 08:49:37 GMT", "bytes=0-0,-1",
    "sessionid=x; csrftoken=%ff", "sessionid=\x7f", "1.2.3.4, ::1, [", "https", "\xff",
]  # fmt: skip

text = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
junk = st.sampled_from(JUNK) | text | st.binary(max_size=12).map(quote_from_bytes)
digits = st.text(st.characters(categories=["Nd", "No"]), min_size=1, max_size=6)
number = st.integers(-(10**6), 10**6).map(str) | digits | st.just("9" * 5000)


def demo_slugs():
    models = [Article, Topic, Region, Expert, Program, PublicationType]
    slugs = [slug for model in models for slug in model.objects.values_list("slug", flat=True)]
    return sorted(set(slugs) | set(SITEMAPS))


def demo_pages():
    """The address of each thing with a page of its own: filters reach these views."""
    models = [Article, Topic, Region, Expert, Program]
    return sorted({thing.get_absolute_url() for model in models for thing in model.objects.all()})


@st.composite
def paths(draw, slugs):
    """A public route, its arguments filled, under a prefix, with junk perhaps added."""
    route, localized = draw(st.sampled_from(ROUTES))
    argument = st.sampled_from(slugs) | number | junk
    path = CONVERTER.sub(lambda _match: draw(argument), route)
    prefix = draw(st.sampled_from(LANGUAGE_PREFIXES)) if localized else ""
    path = f"{draw(st.sampled_from(ODD_PREFIXES))}{prefix}/{path}"
    if draw(st.booleans()):
        path += draw(junk)
    return path if path.startswith("/") else f"/{path}"


@st.composite
def query_strings(draw, slugs):
    """The site's parameters and others, repeated perhaps, with values of every kind."""
    value = number | st.sampled_from(slugs) | text | st.sampled_from(VALUES)
    pairs = draw(st.lists(st.tuples(st.sampled_from(PARAMETERS) | text, value), max_size=5))
    query = "&".join(f"{quote(key)}={quote(value)}" for key, value in pairs)
    for key, raw in draw(st.lists(st.tuples(st.sampled_from(PARAMETERS), junk), max_size=2)):
        query += f"&{key}={raw}"  # percent-escapes of any bytes, UTF-8 or not
    if draw(st.booleans()):  # sent as it is, not percent-encoded
        query += "&" + draw(st.text(string.printable, max_size=20) | junk)
    return query


def assert_answered(client, path, query, method="GET", **extra):
    response = send(client, path, query, method, **extra)
    assert response.status_code < 500, (method, path, query, response.status_code)


@pytest.fixture
def slugs(demo_once, db):
    return demo_slugs()


def test_every_public_route_is_fuzzed():
    routes = dict(ROUTES)
    assert routes["policy-analysis/<slug:slug>.bib"] and routes["feeds/topics/<slug:slug>.rss"]
    assert routes["experts/<slug:slug>"] and routes["search"] and routes[""]
    assert not routes["sitemap-<section>.xml"] and not routes["preview/<str:token>"]
    assert not [route for route in routes if route.startswith("admin/")]


def test_any_path_is_answered(client, slugs):
    @hypothesis_settings(FUZZ, max_examples=1500)
    @given(data=st.data())
    def run(data):
        assert_answered(client, data.draw(paths(slugs)), "")

    run()


def test_any_query_string_is_answered(client, slugs):
    pages = demo_pages()

    @hypothesis_settings(FUZZ, max_examples=1500)
    @given(data=st.data())
    def run(data):
        route, localized = data.draw(st.sampled_from(ROUTES))
        path = "/" + CONVERTER.sub(lambda _match: data.draw(st.sampled_from(slugs)), route)
        path = data.draw(st.sampled_from([path, *pages]))
        assert_answered(client, path, data.draw(query_strings(slugs)))

    run()


def test_any_request_is_answered_with_any_headers(client, slugs):
    """HEAD too, a bad Host now and then, headers of any value (latin-1, as WSGI has them)."""
    header_value = st.sampled_from(HEADER_VALUES) | st.text(st.characters(max_codepoint=255))

    @hypothesis_settings(FUZZ, max_examples=1000)
    @given(data=st.data())
    def run(data):
        path, query = data.draw(paths(slugs)), data.draw(query_strings(slugs))
        headers = data.draw(st.dictionaries(st.sampled_from(HEADERS), header_value, max_size=4))
        headers["HTTP_HOST"] = data.draw(st.sampled_from(["testserver", "testserver", *BAD_HOSTS]))
        method = data.draw(st.sampled_from(["GET", "HEAD"]))
        assert_answered(client, path, query, method, **headers)

    run()
