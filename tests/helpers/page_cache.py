"""Requests of the page cache tests: a GET with the queries it made, a page warmed,
the cache's state."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from thinktank import cache as page_cache


def get(client, url, **headers):
    """One GET of `url` and the number of queries it made."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return response, len(queries)


def text(response):
    return response.content.decode()


def warm(client, *urls):
    for url in urls:
        assert client.get(url).status_code == 200
        assert get(client, url)[1] == 0, url  # kept


def lifetime():
    """How many seconds a page rendered now may be kept."""
    return page_cache.start()[1] - timezone.now().timestamp()


def purge_number():
    """The number the next render starts at: it moves with every purge."""
    return page_cache.start()[0]
