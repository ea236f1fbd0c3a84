"""
The page cache on a real Redis, as production runs it (Django's RedisCache): pages
are kept there, and when Redis goes away the site keeps serving, uncached, with no
error, and uses Redis again once it is back.

The tests start their own redis-server (Debian's package, which .ci/run installs).
"""

import logging

import pytest
from django.core.cache import cache

from tests.helpers.budgets import count_queries
from tests.helpers.factories import make_article
from tests.helpers.ports import free_port
from thinktank import cache_purges

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_redis(redis_server, settings, monkeypatch):
    """The site's cache is that Redis; a failure is retried at the next request."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "thinktank.cache_backends.RedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }
    monkeypatch.setattr(cache_purges, "RETRY_AFTER", 0)
    return redis_server


def test_pages_are_kept_in_redis(client, on_redis):
    article = make_article("Kept in Redis")
    url = article.get_absolute_url()
    first, _ = count_queries(client, url, clear_cache=False)
    second, response = count_queries(client, url, clear_cache=False)
    assert first > 0
    assert second == 0
    assert "Kept in Redis" in response.content.decode()
    # What is kept is in Redis itself: another app server would find it there.
    redis = cache._cache.get_client()
    assert any(redis.scan_iter(match="*thinktank:page:*"))
    assert any(redis.scan_iter(match="*thinktank:purges"))  # the ledger (cache_ledger.py)


def test_the_site_serves_uncached_while_redis_is_away_and_caches_again_after(
    client, on_redis, caplog
):
    article = make_article("Still served")
    url = article.get_absolute_url()
    count_queries(client, url, clear_cache=False)
    on_redis.stop()
    with caplog.at_level(logging.WARNING, logger="thinktank.cache"):
        for _request in range(3):
            queries, response = count_queries(client, url, clear_cache=False)
            assert queries > 0  # rendered: there is no cache to read
            assert "Still served" in response.content.decode()
    assert "cache unavailable" in caplog.text
    # A write while Redis is away cannot purge it; what Redis kept is gone with it.
    article.title = "Edited while Redis was away"
    article.save()
    assert "Edited while Redis was away" in client.get(url).content.decode()
    on_redis.start()
    count_queries(client, url, clear_cache=False)
    queries, response = count_queries(client, url, clear_cache=False)
    assert queries == 0
    assert "Edited while Redis was away" in response.content.decode()


def test_a_cache_that_never_answers_costs_no_page(client, settings):
    port = free_port()  # nothing listens there
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "thinktank.cache_backends.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }
    article = make_article("No cache at all")
    for url in ("/", "/policy-analysis", article.get_absolute_url(), "/experts", "/search?q=cache"):
        assert client.get(url).status_code == 200, url


def test_one_redis_client_serves_every_call(on_redis):
    # Django's own backend makes a client per call (tens of µs each, two calls a hit).
    client = cache._cache.get_client()
    assert cache._cache.get_client() is client
    assert cache._cache.get_client(write=True) is client  # one server: one pool
    cache.set("thinktank:probe", 1)
    assert cache.get("thinktank:probe") == 1
