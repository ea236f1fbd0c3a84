"""
The shared HTTP caches in front of the site (Varnish, deploy/varnish.vcl; a CDN): the
headers that let them keep an anonymous page and name what it shows, and the purges
that end it. Off unless settings.SHARED_CACHE_PURGE_URLS names where to purge: a
shared cache may keep only what the site can take back. See docs/page-cache.md, "A
shared HTTP cache in front".
"""

import heapq
import http.client
import itertools
import logging
import os
import threading
import time
from urllib.parse import urlsplit

from django.conf import settings

from thinktank.cache_ledger import ALL, ANY

logger = logging.getLogger(__name__)

MAX_KEYS_LENGTH = 4000  # characters of keys a response names; beyond, it names ANY
PURGE_TIMEOUT = 0.5  # seconds a shared cache has to answer a purge

# The headers a kept page names its keys in: Varnish's xkey vmod, Fastly (spaces),
# Cloudflare (commas). deploy/varnish.vcl removes them before readers see them.
KEY_HEADERS = {"xkey": " ", "Surrogate-Key": " ", "Cache-Tag": ","}
# Its lifetime, for shared caches alone (Varnish's VCL, Fastly; Cloudflare and Akamai:
# RFC 9213). Cache-Control stays "public, no-cache": browsers, and caches on the way
# that nobody purges, ask again each time.
LIFETIME_HEADERS = ("Surrogate-Control", "CDN-Cache-Control")


def enabled():
    return bool(settings.SHARED_CACHE_PURGE_URLS)


def share(response, keys, seconds):
    """Let shared caches keep `response` for `seconds` and purge it by `keys` (ALL
    added); too many keys, and it names ANY, which every purge purges."""
    names = sorted({ALL, *keys})
    if sum(len(name) + 1 for name in names) > MAX_KEYS_LENGTH:
        names = [ALL, ANY]
    for header, separator in KEY_HEADERS.items():
        response[header] = separator.join(names)
    for header in LIFETIME_HEADERS:
        response[header] = f"max-age={seconds}"


def purge(keys):
    """End every shared cache's copies of the pages that name any of `keys`: now, and
    again SHARED_CACHE_REPURGE_SECONDS later, for a page checked (fresh) just before the
    write's purge that reached the cache just after it. A cache that does not answer is
    logged, never raised: the write it follows has happened."""
    if not enabled():
        return
    _send(keys)
    _repurges.add(frozenset(keys), settings.SHARED_CACHE_REPURGE_SECONDS)


def _send(keys):
    for url in settings.SHARED_CACHE_PURGE_URLS:
        for names in _batches(sorted(keys)):
            try:
                _purge_at(urlsplit(url), names)
            except Exception as error:  # any failure: the write stands, the cache is late
                logger.warning(
                    "shared cache purge failed at %s (%s: %s)", url, type(error).__name__, error
                )


def _purge_at(address, names):
    """PURGE with the keys `names` (the xkey-purge header) at `address` (http)."""
    connection = http.client.HTTPConnection(address.hostname, address.port, PURGE_TIMEOUT)
    try:
        connection.request("PURGE", address.path or "/", headers={"xkey-purge": names})
        answer = connection.getresponse()
        answer.read()
    finally:
        connection.close()
    if answer.status != 200:
        raise RuntimeError(f"answered {answer.status} {answer.reason}")


def _batches(names):
    """`names` joined by spaces, in headers of at most MAX_KEYS_LENGTH characters."""
    batch, length = [], 0
    for name in names:
        if batch and length + len(name) > MAX_KEYS_LENGTH:
            yield " ".join(batch)
            batch, length = [], 0
        batch.append(name)
        length += len(name) + 1
    if batch:
        yield " ".join(batch)


class Repurges:
    """Purges sent again `delay` seconds later, by one thread of this process that runs
    while any is waiting; purges due together go out together. The thread is not a
    daemon: a process that wrote waits for its repurges when it exits."""

    def __init__(self):
        self._condition = threading.Condition()
        self._due = []  # heap of (monotonic time, order, keys)
        self._order = itertools.count()
        self._thread = None

    def add(self, keys, delay):
        with self._condition:
            heapq.heappush(self._due, (time.monotonic() + delay, next(self._order), keys))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="shared-cache-repurges")
                self._thread.start()
            self._condition.notify()

    def _run(self):
        with self._condition:
            while self._due:
                wait = self._due[0][0] - time.monotonic()
                if wait > 0:
                    self._condition.wait(wait)
                    continue
                keys = set()
                while self._due and self._due[0][0] <= time.monotonic():
                    keys.update(heapq.heappop(self._due)[2])
                self._condition.release()
                try:
                    _send(keys)
                finally:
                    self._condition.acquire()
            self._thread = None

    def wait(self):
        """Until every repurge waiting has been sent (tests)."""
        thread = self._thread
        if thread is not None:
            thread.join()


_repurges = Repurges()
# A forked worker (gunicorn's preload) starts with none waiting and no thread.
os.register_at_fork(after_in_child=_repurges.__init__)
