"""
The site under servers that run requests in threads: Django's runserver (`make run`)
and gunicorn's gthread workers, real servers started here on a database of their own
with the demo. Thousands of requests on one kept-alive connection (each thread opens
its own database connection mid-request, which is what once left a query counter
behind per request until every request failed), then an editor's unpublish in the
admin, which every kept page must drop at once.
"""

import json
import re

import pytest

from tests.helpers.public_pages import MAIN_SLUG
from tests.helpers.servers import (
    GUNICORN,
    RUNSERVER,
    KeepAliveClient,
    manage,
    prepare_site,
    running,
    site_database,
    site_environment,
)

REQUESTS = 2000
ARTICLE = f"/policy-analysis/{MAIN_SLUG}"
QUERIES = re.compile(r"path=/healthz .* queries=(\d+)")


@pytest.fixture
def site(tmp_path):
    """The demo site's environment, on a database of its own, migrated and loaded."""
    folder = tmp_path
    with site_database(folder) as database_url:
        env = site_environment(database_url, MEDIA_ROOT=str(folder / "media"))
        prepare_site(env)
        yield env, folder


def surfaces(env):
    """Every public address that lists the main article, as the site's database has them."""
    code = (
        "import json; from tests.helpers.public_pages import public_pages as p; "
        "print(json.dumps(p()))"
    )
    pages = json.loads(manage("shell", "-c", code, env=env).splitlines()[-1])
    slug = {kind: pages[kind].rsplit("/", 1)[1] for kind in ("topic", "region", "expert profile")}
    return [
        *(pages[kind] for kind in ("home", "topic", "region", "expert profile")),
        "/search?q=Putin",
        "/feeds/latest.rss",
        "/feeds/latest.atom",
        f"/feeds/topics/{slug['topic']}.rss",
        f"/feeds/regions/{slug['region']}.atom",
        f"/feeds/experts/{slug['expert profile']}.rss",
        "/sitemap-articles.xml",
    ]


def load(client, count):
    """
    `count` requests on the client's connection, most of them reading the database in
    a server thread (the health check, a list under a new page number, the admin),
    some served from the page cache; every one answered.
    """
    for number in range(count):
        if number % 50 == 1:
            answer = client.get("/admin/articles/article/")  # signed in: never kept
        elif number % 10 == 2:
            answer = client.get(f"/policy-analysis?page=1&n={number}")  # a new address
        elif number % 10 == 3:
            answer = client.get(ARTICLE)  # kept
        else:
            answer = client.get("/healthz")
        assert answer.status == 200, (number, answer.status, answer.text[:500])


def unpublish_and_check(server, editor_client, pages):
    reader = KeepAliveClient(server.port)
    kept = {}
    for address in [ARTICLE, f"{ARTICLE}.bib", *pages]:
        reader.get(address)  # rendered and kept
        answer = reader.get(address)
        assert answer.status == 200, address
        assert MAIN_SLUG in answer.text, address
        kept[address] = answer

    answer = article_action(editor_client, "unpublish")
    assert answer.status == 302, answer.text[:500]

    # At once, on a fresh connection and on the reader's kept one alike.
    for client in (reader, KeepAliveClient(server.port)):
        assert client.get(ARTICLE).status == 404
        assert client.get(f"{ARTICLE}.bib").status == 404
        for address in pages:
            answer = client.get(address)
            assert answer.status == 200, address
            assert MAIN_SLUG not in answer.text, f"{address} still lists the unpublished piece"


def article_action(editor_client, action):
    """The admin's bulk `action` on the main article, as the editor's browser posts it."""
    changelist = editor_client.get("/admin/articles/article/?q=Change+of+Allegiance")
    selected = re.findall(r'name="_selected_action" value="(\d+)"', changelist.text)
    assert len(selected) == 1, selected
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', changelist.text).group(1)
    return editor_client.post(
        "/admin/articles/article/",
        {"action": action, "_selected_action": selected, "csrfmiddlewaretoken": csrf},
    )


def query_counts(server):
    return [int(count) for count in QUERIES.findall(server.log())]


SERVERS = {
    # `make run`: Django's threaded development server, a new database connection for
    # every request, the cache in its own memory.
    "runserver": (RUNSERVER, {"DEBUG": "1", "REDIS_URL": ""}),
    # gunicorn's gthread workers, connections closed after each request...
    "gthread": (GUNICORN, {"GUNICORN_THREADS": "4", "DB_CONN_MAX_AGE": "0"}),
    # ... and kept for a minute, as production runs, with two workers sharing Redis.
    "gthread, kept connections": (GUNICORN, {"GUNICORN_THREADS": "4", "DB_CONN_MAX_AGE": "60"}),
}


@pytest.mark.parametrize("kind", SERVERS)
def test_thousands_of_requests_on_one_connection_then_a_takedown(site, redis_server, kind):
    env, folder = site
    command, overrides = SERVERS[kind]
    env = {
        **env,
        "WEB_CONCURRENCY": "2",
        "GUNICORN_MAX_REQUESTS": "0",  # the worker must live through them all
        "REDIS_URL": redis_server.url,
        **overrides,
    }
    with running(command, env, folder) as server:
        client = KeepAliveClient(server.port)
        client.log_in("editor")
        load(client, REQUESTS)
        # The connection was kept (a server that closed it would hide nothing, but
        # would not be what the test means), and every health check cost as few
        # queries at the end as at the start: nothing piles up per request.
        assert client.connections <= 3, client.connections
        counts = query_counts(server)
        assert len(counts) >= REQUESTS * 3 // 4
        assert set(counts[-50:]) <= set(counts[:50]), (counts[:50], counts[-50:])
        unpublish_and_check(server, client, surfaces(env))
        client.close()
        assert "Traceback" not in server.log()
