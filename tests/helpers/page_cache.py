"""Requests of the page cache tests: a GET with the queries it made, a page warmed or
kept, the cache's state."""

from contextlib import contextmanager
from functools import partial

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from tests.helpers.factories import make_article, make_expert, make_topic
from thinktank import cache as page_cache
from thinktank import cache_purges

# The ledger's calls, each one round trip to Redis.
LEDGER_CALLS = ("fetch", "fetch_many", "fetch_or_start", "start", "keep_many", "purge")


def get(client, url, **headers):
    """One GET of `url` and the number of queries it made."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


def kept(client, *urls):
    """Whether each of `urls` is served from the cache: a hit, which makes no query (a
    page rendered again from kept parts may make none either)."""
    return {url: served_kept(*get(client, url)) for url in urls}


def served_kept(response, queries):
    hit = response.wsgi_request.page_cache == "hit"
    assert queries == 0 or not hit, "a hit made a query"
    return hit


@contextmanager
def round_trips():
    """The names of the calls made to the cache's ledger meanwhile, in order (not those
    one makes of another: the ledger in local memory fetches many by fetching each)."""
    ledger, calls, depth = cache_purges.ledger(), [], [0]
    for name in LEDGER_CALLS:
        setattr(ledger, name, partial(_counted, calls, depth, name, getattr(ledger, name)))
    try:
        yield calls
    finally:
        for name in LEDGER_CALLS:
            delattr(ledger, name)


def _counted(calls, depth, name, method, *args, **kwargs):
    if not depth[0]:
        calls.append(name)
    depth[0] += 1
    try:
        return method(*args, **kwargs)
    finally:
        depth[0] -= 1


def rendered(client, url):
    """(status, body, the SQL of the queries) of one GET of `url`."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, response.content, " ".join(q["sql"] for q in queries)


def fresh(client, url):
    """(status, body) of `url` rendered afresh, with the page cache off."""
    with override_settings(PAGE_CACHE_SECONDS=0):
        status, body, _sql = rendered(client, url)
    return status, body


def changed_on(client, url, thing, save, **fields):
    """The SQL of the page at `url`, kept, then `thing` given `fields` by `save`: the
    page shows each new value as a fresh render does."""
    warm(client, url)
    for name, value in fields.items():
        setattr(thing, name, value)
    save(thing)
    status, body, sql = rendered(client, url)
    for value in fields.values():
        assert value.encode() in body
    assert (status, body) == fresh(client, url)
    return sql


def fetched(article):
    """`article` as it is now in the database."""
    return Article.objects.get(pk=article.pk)


def text(response):
    return response.content.decode()


def warm(client, *urls):
    for url in urls:
        assert client.get(url).status_code == 200
        assert served_kept(*get(client, url)), url


def lifetime():
    """How many seconds a page rendered now may be kept."""
    return page_cache.start()[1] - timezone.now().timestamp()


def purge_number():
    """The number the next render starts at: it moves with every purge."""
    return page_cache.start()[0]


def related_pieces():
    """A and B share a topic and are public; C shares nothing with them; D is a draft
    like A; and "topic", the topic A, B and D share."""
    gulf, trade = make_topic("Gulf Security"), make_topic("Trade")
    dana, omar = make_expert("Dana Stroul"), make_expert("Omar Haddad")
    return {
        "A": make_article("Deterrence in the Gulf", authors=[dana], topics=[gulf]),
        "B": make_article("Naval Patrols", authors=[omar], topics=[gulf]),
        "C": make_article("Tariffs and Ports", topics=[trade]),
        "D": make_article("Hormuz Shipping", published=False, authors=[dana], topics=[gulf]),
        "topic": gulf,
    }
