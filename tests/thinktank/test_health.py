"""
/healthz: 200 and "ok" when the database and the cache answer; "degraded" (still 200)
when only the cache is away, since pages are then made uncached; 503 and "error" when
the database is away. Never cached, no login, one address whatever the language.
"""

from unittest import mock

import pytest
from django.db import connections
from django.db.utils import InterfaceError, OperationalError

from tests.helpers.outages import database_down
from tests.helpers.ports import free_port
from thinktank import health

pytestmark = pytest.mark.django_db


def healthz(client):
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    return response.status_code, response.json()


def test_all_is_well(client):
    assert healthz(client) == (200, {"status": "ok", "database": "ok", "cache": "ok"})


def test_it_is_never_cached_and_needs_no_login(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Set-Cookie" not in response.headers


def test_it_is_outside_the_language_prefixes(client):
    assert client.get("/ar/healthz").status_code == 404


def test_it_answers_only_get_and_head(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_database_down_is_an_error(client, error):
    with database_down(error):
        status, report = healthz(client)
    assert status == 503
    assert report == {"status": "error", "database": error.__name__, "cache": "ok"}


def test_the_error_names_its_class_and_no_more(client):
    with database_down():
        response = client.get("/healthz")
    assert b"s3cret" not in response.content
    assert b"db.internal" not in response.content


def test_cache_down_is_degraded_but_serving(client, settings):
    """A real Redis client, to a port where no Redis is: what a stopped Redis looks like."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "thinktank.cache_backends.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }
    assert healthz(client) == (
        200,
        {"status": "degraded", "database": "ok", "cache": "ConnectionError"},
    )


def test_a_cache_that_loses_what_it_was_given_is_degraded(client):
    with mock.patch.object(health.cache, "get", return_value=None):
        status, report = healthz(client)
    assert (status, report["status"], report["cache"]) == (200, "degraded", "CacheMismatch")


def test_the_check_leaves_nothing_in_the_cache(client):
    keys = []
    real_set = health.cache.set

    def remember(key, *args, **kwargs):
        keys.append(key)
        return real_set(key, *args, **kwargs)

    with mock.patch.object(health.cache, "set", side_effect=remember):
        healthz(client)
    assert keys and health.cache.get(keys[0]) is None


def test_both_down_is_an_error(client):
    with database_down(), mock.patch.object(health.cache, "set", side_effect=ConnectionError):
        status, report = healthz(client)
    assert status == 503
    assert report == {"status": "error", "database": "OperationalError", "cache": "ConnectionError"}


def test_a_replica_is_checked_too(client, settings):
    """With a read replica configured, it is reported beside the primary."""
    replica = {**settings.DATABASES["default"], "TEST": {"MIRROR": "default"}}
    with mock.patch.dict(connections.settings, {"replica": replica}):
        try:
            with database_down(alias="replica"):
                status, report = healthz(client)
        finally:
            connections["replica"].close()
            del connections["replica"]
    assert status == 503
    assert report == {
        "status": "error",
        "database": "ok",
        "database_replica": "OperationalError",
        "cache": "ok",
    }
