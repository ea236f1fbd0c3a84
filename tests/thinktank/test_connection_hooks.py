"""
The hooks on every database connection (thinktank.connection_hooks): the page cache's
write watch and the request log's query count stay on each connection whatever else
wraps its queries, in every thread, and count per request under threads and ASGI.
"""

import asyncio
import logging
import threading

import pytest
from asgiref.sync import async_to_sync
from django.db import connection, connections
from django.test import AsyncClient, Client

from tests.helpers.factories import make_article
from tests.helpers.page_cache import purge_number
from thinktank import cache_purges, connection_hooks
from thinktank import logging as request_logging

pytestmark = pytest.mark.django_db(transaction=True)

HOOKS = (cache_purges._notice_writes, request_logging._count_query)


def in_a_thread(work):
    """`work()` in a new thread, with connections of its own, closed at the end."""
    outcome = {}

    def run():
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed to the test's thread
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def noop_wrapper(execute, sql, params, many, context):
    return execute(sql, params, many, context)


def other_wrapper(execute, sql, params, many, context):
    return execute(sql, params, many, context)


def test_a_block_entered_before_the_connection_opens_removes_only_its_own():
    """As in a request on a thread whose connection opens mid-request, hundreds of times."""

    def requests():
        for _ in range(500):
            with connection.execute_wrapper(noop_wrapper):
                connection.cursor().execute("SELECT 1")  # opens the connection
            connection.close()  # DB_CONN_MAX_AGE=0: closed at the request's end
        return list(connection.execute_wrappers)

    wrappers = in_a_thread(requests)
    assert sorted(map(id, wrappers)) == sorted(map(id, HOOKS))


def test_blocks_push_and_pop_above_the_hooks_in_order():
    def nested():
        seen = []
        with connection.execute_wrapper(noop_wrapper), connection.execute_wrapper(other_wrapper):
            connection.cursor().execute("SELECT 1")
            seen.append(list(connection.execute_wrappers))
        seen.append(list(connection.execute_wrappers))
        return seen

    inside, after = in_a_thread(nested)
    assert inside[-2:] == [noop_wrapper, other_wrapper]
    assert inside[:2] == after
    assert sorted(map(id, after)) == sorted(map(id, HOOKS))


def test_a_hook_is_added_once_whatever_the_number_of_calls():
    for _ in range(3):
        connection_hooks.add_hook(cache_purges._notice_writes)
    connection.ensure_connection()
    assert [w for w in connection.execute_wrappers if w is cache_purges._notice_writes] == [
        cache_purges._notice_writes
    ]


def test_writes_in_any_thread_end_the_kept_pages():
    before = purge_number()
    in_a_thread(lambda: make_article(title="Written in another thread"))
    assert purge_number() > before


@pytest.fixture
def request_log(caplog):
    caplog.set_level(logging.INFO, logger="thinktank.request")
    return lambda: [r.request_fields for r in caplog.records if r.name == "thinktank.request"]


def test_each_request_counts_its_own_queries_when_threads_serve_at_once(request_log, settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request renders
    article = make_article(title="Counted")
    Client().get(article.get_absolute_url())
    [alone] = [line["queries"] for line in request_log()]
    barrier = threading.Barrier(6)

    def reader():
        barrier.wait()
        for _ in range(5):
            assert Client().get(article.get_absolute_url()).status_code == 200

    threads = [threading.Thread(target=lambda: in_a_thread(reader)) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    counts = [line["queries"] for line in request_log()[1:]]
    assert counts == [alone] * 30


def test_asgi_requests_count_their_queries(request_log, settings):
    settings.PAGE_CACHE_SECONDS = 0
    article = make_article(title="Served over ASGI")
    Client().get(article.get_absolute_url())
    [alone] = [line["queries"] for line in request_log()]

    async def readers():
        client = AsyncClient()
        return await asyncio.gather(*(client.get(article.get_absolute_url()) for _ in range(8)))

    responses = async_to_sync(readers)()
    assert [response.status_code for response in responses] == [200] * 8
    assert [line["queries"] for line in request_log()[1:]] == [alone] * 8
