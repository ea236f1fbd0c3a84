"""What writes purge from the page cache: the watched tables, the `changes()` blocks
whose trackers say what they changed, and when content next changes by itself. See
docs/page-cache.md."""

import contextvars
import logging
import re
import time
from contextlib import contextmanager
from functools import wraps

from django.conf import settings
from django.core.cache import cache, caches
from django.db import DatabaseError, InterfaceError, transaction
from django.utils import timezone

from thinktank import connection_hooks, shared_cache
from thinktank.cache_ledger import ALL, ANY, ledger_for

logger = logging.getLogger("thinktank.cache")

NEXT_CHANGE_KEY = "thinktank:content-next-change"
CHANGED_AT_KEY = "thinktank:content-changed-at"
NO_CHANGE = -1  # stored as the next change when nothing is scheduled
RETRY_AFTER = 5  # seconds the cache is left alone after an error
FORGET_AFTER = 120  # seconds a key's last purge is kept beyond PAGE_CACHE_SECONDS

_watched = set()  # tables whose writes change public pages
_scheduling = {}  # tables whose writes may move a scheduled change -> its columns
_schedules = []
_cache_down_until = 0.0
_purge_pending = False  # a write the cache missed: everything is purged once it answers
_changes = contextvars.ContextVar("page_cache_changes", default=None)


# --- what apps tell the cache ---------------------------------------------------------


def watch(*models, tables=()):
    """Writes to these models' tables (and to `tables`) change public pages: outside a
    `changes()` block that answers for the table, they purge everything."""
    _watched.update(model._meta.db_table for model in models)
    _watched.update(tables)


def schedule(next_change, columns):
    """`next_change()` returns when content next changes by itself (or None); writes to
    `columns` ({model: names}) make it asked again."""
    if next_change not in _schedules:
        _schedules.append(next_change)
    for model, names in columns.items():
        _scheduling[model._meta.db_table] = tuple(
            f'"{model._meta.get_field(name).column}"' for name in names
        )


# --- the shared cache, guarded ---------------------------------------------------------


def guarded_call(function, *args, default=None, always=False, **kwargs):
    """`function(...)`, a call to the cache, or `default` when the cache is or was just
    down (called anyway if `always`); a failure is logged, and leaves the cache alone
    for RETRY_AFTER seconds."""
    global _cache_down_until
    if not always and time.monotonic() < _cache_down_until:
        return default
    try:
        return function(*args, **kwargs)
    except Exception as error:  # any backend's error: the cache is an optimisation
        _cache_down_until = time.monotonic() + RETRY_AFTER
        logger.warning("cache unavailable (%s: %s); serving uncached", type(error).__name__, error)
        return default


def guarded(operation, *args, default=None, always=False, **kwargs):
    """`cache.<operation>(...)`, or `default` when the cache is or was just down (asked
    anyway if `always`)."""
    return guarded_call(
        lambda: getattr(cache, operation)(*args, **kwargs), default=default, always=always
    )


def ledger():
    """The ledger of purges beside the site's cache (thinktank.cache_ledger)."""
    return ledger_for(caches["default"], settings.PAGE_CACHE_SECONDS + FORGET_AFTER)


# --- writes ----------------------------------------------------------------------------


class Changes:
    """The writes of one `changes()` block. Each tracked object answers for the writes
    to its tables and, when the block ends, names the keys they changed (`changed()`)."""

    def __init__(self):
        self.trackers = {}
        self.tables = set()
        self.wrote = False
        self.reschedule = False

    def track(self, tracker, obj):
        identity = (tracker, obj.pk or id(obj))  # a new object: itself until saved
        if identity not in self.trackers:
            made = self.trackers[identity] = tracker(obj)
            self.tables.update(made.tables)

    def changed(self):
        return {name for tracker in self.trackers.values() for name in tracker.changed()}


@contextmanager
def changes():
    """
    A block whose writes to the tables of what it `track()`s change only the keys those
    trackers name at its end (`changed()`): purged then (and at commit), nothing else.
    A write to another watched table still purges everything. A block inside another is
    part of it; one that fails after writing purges everything.
    """
    if _changes.get() is not None:
        yield _changes.get()
        return
    block = Changes()
    token = _changes.set(block)
    try:
        yield block
    except BaseException:
        if block.wrote:
            content_changed()
        raise
    finally:
        _changes.reset(token)
    names = block.changed() if block.wrote else ()
    if names:
        purge(*names, reschedule=block.reschedule)
    elif block.reschedule:
        store_next_change()


def track(tracker, obj):
    """Inside `changes()`, `tracker(obj)` (made once an object, before its writes)
    answers for the writes to its `tables`, and at the end names the keys they changed
    (`changed()`). Outside, the writes purge everything."""
    block = _changes.get()
    if block is not None:
        block.track(tracker, obj)


@contextmanager
def changes_of(tracker, obj):
    """A `changes()` block whose writes are `obj`'s, as `tracker` says."""
    with changes():
        track(tracker, obj)
        yield


def changing(tracker):
    """Decorate a service whose first argument is what it writes: it runs in
    changes_of(tracker, that)."""

    def decorate(service):
        @wraps(service)
        def changing_it(obj, *args, **kwargs):
            with changes_of(tracker, obj):
                return service(obj, *args, **kwargs)

        return changing_it

    return decorate


WRITE = re.compile(r'\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)


def _notice_writes(execute, sql, params, many, context):
    """Every statement goes through here: update() and bulk_create() send no signal."""
    result = execute(sql, params, many, context)
    written = WRITE.match(sql)
    if written and written.group(2) in _watched:
        statement, table = written.group(1).upper(), written.group(2)
        columns = _scheduling.get(table)
        reschedule = columns is not None and (
            not statement.startswith("UPDATE") or any(column in sql for column in columns)
        )
        block = _changes.get()
        if block is not None and table in block.tables:
            block.wrote = True
            block.reschedule = block.reschedule or reschedule
        else:
            content_changed(context["connection"], reschedule=reschedule)
    return result


def connect_signals():
    connection_hooks.add_hook(_notice_writes)


def _next_change():
    """The earliest moment any app's content changes by itself, or NO_CHANGE."""
    moments = []
    for next_change in _schedules:
        moment = next_change()
        if moment is not None:
            moments.append(moment.timestamp())
    return min(moments, default=NO_CHANGE)


def store_next_change():
    """Store and return the next scheduled change, or None when the database cannot say."""
    try:
        moment = _next_change()
    except (DatabaseError, InterfaceError):  # the latter: a connection that is gone
        guarded("delete", NEXT_CHANGE_KEY, always=True)
        return None
    timeout = settings.PAGE_CACHE_SECONDS or None
    guarded("set", NEXT_CHANGE_KEY, moment, timeout=timeout, always=True)
    return moment


def _purge(keys, reschedule, *, shared=True):
    """Purge `keys` in the ledger, then (if `shared`) in the shared caches: a page checked
    against the ledger from then on is not shared (PageCacheMiddleware)."""
    global _purge_pending
    told = (*keys, ANY)  # the shared caches hear of each write, even with the ledger away
    if _purge_pending:
        keys = (ALL,)
    purged = guarded_call(ledger().purge, (*keys, ANY), always=True)
    if shared:
        shared_cache.purge(told)
    if purged is None:  # told before any kept page is served again
        _purge_pending = True
        return
    if ALL in keys:
        _purge_pending = False
    if reschedule or guarded("get", NEXT_CHANGE_KEY, always=True) is None:
        store_next_change()  # the writer pays for it, not the next reader
    lag = settings.PAGE_CACHE_REPLICA_LAG_SECONDS
    if lag:
        guarded("set", CHANGED_AT_KEY, timezone.now().timestamp(), timeout=lag + 1, always=True)


def purge(*keys, reschedule=False, connection=None):
    """End the life of every kept page that depends on `keys`: now, and again when the
    transaction commits, so that no page rendered from the old rows in between is kept."""
    _purge(keys, reschedule)
    connection = connection or transaction.get_connection()
    if connection.in_atomic_block:
        transaction.on_commit(lambda: _purge(keys, reschedule), using=connection.alias)


def content_changed(connection=None, *, reschedule=True):
    """Public content changed in a way nobody named: purge everything."""
    purge(ALL, reschedule=reschedule, connection=connection)


def caught_up():
    """Tell the ledger of a write it missed (a purge of everything) before any kept page
    is used; whether it is told."""
    if _purge_pending:
        _purge((ALL,), reschedule=True, shared=False)  # the shared caches heard of it
    return not _purge_pending
