"""The anonymous readers' page cache, shared by every app server. See docs/page-cache.md."""

import contextvars
import hashlib
import logging
import math
import re
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache, caches
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.cache import patch_cache_control, set_response_etag

from thinktank import connection_hooks, shared_cache
from thinktank.cache_ledger import ALL, ANY, ledger_for
from thinktank.kept_pages import KeptPage

logger = logging.getLogger(__name__)

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
_recording = contextvars.ContextVar("page_cache_recording", default=None)
_changes = contextvars.ContextVar("page_cache_changes", default=None)


def key(kind, pk):
    """The dependency key of one object: "article:12"."""
    return f"{kind}:{pk}"


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


def depends_on(*keys):
    """The page (or remembered value) being computed shows what `keys` name: a purge
    of any of them ends its life. A page that names nothing depends on ANY."""
    recording = _recording.get()
    if recording is not None:
        recording.update(keys)


# --- the shared cache, guarded ---------------------------------------------------------


def _guarded_call(function, *args, default=None, always=False, **kwargs):
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
    return _guarded_call(
        lambda: getattr(cache, operation)(*args, **kwargs), default=default, always=always
    )


def _ledger():
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

    def track(self, identity, make_tracker):
        if identity not in self.trackers:
            tracker = self.trackers[identity] = make_tracker()
            self.tables.update(tracker.tables)

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
        _reschedule()


def track(identity, make_tracker):
    """Inside `changes()`, `make_tracker()` (once per identity) answers for writes: it
    has `tables` and `changed()`, the keys to purge. Outside, the writes purge everything."""
    block = _changes.get()
    if block is not None:
        block.track(identity, make_tracker)


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


def _reschedule():
    """Store and return the next scheduled change, or None when the database cannot say."""
    try:
        moment = _next_change()
    except DatabaseError:
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
    purged = _guarded_call(_ledger().purge, (*keys, ANY), always=True)
    if shared:
        shared_cache.purge(told)
    if purged is None:  # told before any kept page is served again
        _purge_pending = True
        return
    if ALL in keys:
        _purge_pending = False
    if reschedule or guarded("get", NEXT_CHANGE_KEY, always=True) is None:
        _reschedule()  # the writer pays for it, not the next reader
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


# --- reads -----------------------------------------------------------------------------


def start():
    """(the purge number a render starts at, when what it renders must be dropped), or
    None when the cache cannot be used."""
    if _purge_pending:
        _purge((ALL,), reschedule=True, shared=False)  # they heard of the write
        if _purge_pending:
            return None
    started = _guarded_call(_ledger().start)
    state = guarded("get_many", [NEXT_CHANGE_KEY, CHANGED_AT_KEY]) if started else None
    if state is None:
        return None
    next_change, changed_at = state.get(NEXT_CHANGE_KEY), state.get(CHANGED_AT_KEY)
    now = timezone.now().timestamp()
    if next_change is None or (next_change != NO_CHANGE and next_change <= now):
        next_change = _reschedule()  # expired, evicted, or passed
    expires_at = now + settings.PAGE_CACHE_SECONDS
    if next_change is None:
        return None
    if next_change != NO_CHANGE:
        expires_at = min(expires_at, next_change)
    caught_up_at = (changed_at or 0) + settings.PAGE_CACHE_REPLICA_LAG_SECONDS
    if caught_up_at > now:
        # The replica may not have the write yet: keep only until it has caught up.
        expires_at = min(expires_at, caught_up_at)
    return started, expires_at


def _fetch(name):
    """The value kept under `name` if still good, else None."""
    now = timezone.now().timestamp()
    return _guarded_call(_ledger().fetch, name, now)


def _keep(name, state, keys, value):
    """Keep `value` with `keys` (ANY when none); False when its lifetime is already over."""
    started, expires_at = state
    timeout = math.ceil(expires_at - timezone.now().timestamp())
    if timeout <= 0:
        return False
    keys = tuple(sorted(keys)) or (ANY,)
    kept = _guarded_call(
        _ledger().keep,
        name,
        value,
        started=started,
        keys=keys,
        expires_at=expires_at,
        timeout=timeout,
        default=False,
    )
    return kept is not False


def remember(name, parts, compute):
    """`compute()`, kept until what it read changes; `parts` (repr-able) key it within
    `name`. The page being rendered depends on what the value depends on."""
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    cache_key = f"thinktank:{name}:{digest}"
    kept = _fetch(cache_key) if settings.PAGE_CACHE_SECONDS > 0 else None
    if kept is not None:
        value, keys = kept
        depends_on(*keys)
        return value
    state = start() if settings.PAGE_CACHE_SECONDS > 0 else None
    value, keys = _recorded(compute)
    keys = tuple(keys) or (ANY,)
    if state is not None:
        _keep(cache_key, state, keys, (value, keys))
    depends_on(*keys)
    return value


def _recorded(compute, *args):
    """compute(*args), and the keys it depended on."""
    keys = set()
    token = _recording.set(keys)
    try:
        return compute(*args), keys
    finally:
        _recording.reset(token)


def page_key(request):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"thinktank:page:{digest}"


def _is_cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS)
    )


def _is_storable(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


class PageCacheMiddleware:
    """Serves and keeps anonymous pages; `request.page_cache` says what it did."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _purge_pending:
            _purge((ALL,), reschedule=True, shared=False)  # they heard of the write
        if not _is_cacheable_request(request):
            request.page_cache = "bypass"
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                # A signed-in page is for its reader alone, never for a shared cache.
                patch_cache_control(response, private=True)
            return response
        cache_key = page_key(request)
        kept = _fetch(cache_key)
        if kept is not None:
            request.page_cache = "hit"
            return _shared(kept.response_for(request), kept)
        state = start()
        if state is None:
            request.page_cache = "bypass"
            return self.get_response(request)
        request.page_cache = "miss"
        response, keys = _recorded(self.get_response, request)
        if _is_storable(request, response):
            patch_cache_control(response, public=True, no_cache=True)
            set_response_etag(response)
            kept = KeptPage.of(response, keys=tuple(sorted(keys)) or (ANY,), until=state[1])
            response = kept.response_for(request)
            # Shared only while nothing it shows was purged since it started: a page
            # rendered from the rows a write is replacing must not outlive its purge.
            shared = _keep(cache_key, state, kept.keys, kept) and shared_cache.enabled()
            if shared and _fetch(cache_key) is not None:
                _shared(response, kept)
        return response


def _shared(response, kept):
    """`response`, which shared caches may keep for the rest of the life of `kept`
    (when they are on: shared_cache)."""
    seconds = math.floor(kept.until - timezone.now().timestamp())
    if shared_cache.enabled() and seconds > 0:
        shared_cache.share(response, kept.keys, seconds)
    return response
