"""The anonymous readers' page cache, shared by every app server. See docs/page-cache.md."""

import hashlib
import logging
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.cache import patch_cache_control, set_response_etag

from thinktank import connection_hooks

logger = logging.getLogger(__name__)

GENERATION_KEY = "thinktank:content-generation"
NEXT_CHANGE_KEY = "thinktank:content-next-change"
CHANGED_AT_KEY = "thinktank:content-changed-at"
NO_CHANGE = -1  # stored as the next change when nothing is scheduled
RETRY_AFTER = 5  # seconds the cache is left alone after an error

_watched = set()  # tables whose writes change public pages
_scheduling = {}  # tables whose writes may move a scheduled change -> its columns
_schedules = []
_cache_down_until = 0.0
_bump_pending = False


def watch(*models, tables=()):
    """Writes to these models' tables (and to `tables`) bump the generation."""
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
        content_changed(context["connection"], reschedule=reschedule)
    return result


def connect_signals():
    connection_hooks.add_hook(_notice_writes)


def guarded(operation, *args, default=None, always=False, **kwargs):
    """`cache.<operation>(...)`, or `default` when the cache is or was just down (asked
    anyway if `always`)."""
    global _cache_down_until
    if not always and time.monotonic() < _cache_down_until:
        return default
    try:
        return getattr(cache, operation)(*args, **kwargs)
    except Exception as error:  # any backend's error: the cache is an optimisation
        _cache_down_until = time.monotonic() + RETRY_AFTER
        logger.warning("cache unavailable (%s: %s); serving uncached", type(error).__name__, error)
        return default


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


def _bump(reschedule=False):
    # A missing generation starts at the time, never at a number an evicted one used.
    global _bump_pending
    added = guarded("add", GENERATION_KEY, time.time_ns(), timeout=None, always=True)
    bumped = added is True or (
        added is False and guarded("incr", GENERATION_KEY, always=True) is not None
    )
    # A write the cache missed is told before any kept page is served again.
    _bump_pending = not bumped
    if bumped and (reschedule or added):
        _reschedule()
    lag = settings.PAGE_CACHE_REPLICA_LAG_SECONDS
    if bumped and lag:
        now = timezone.now().timestamp()
        guarded("set", CHANGED_AT_KEY, now, timeout=lag + 1, always=True)


def content_changed(connection=None, *, reschedule=True):
    """Public content changed: bump now and again at commit, so that no page rendered
    from the old rows is kept."""
    _bump(reschedule)
    connection = connection or transaction.get_connection()
    if connection.in_atomic_block:
        transaction.on_commit(lambda: _bump(reschedule), using=connection.alias)


def generation():
    """(generation, seconds a page may be kept), or None when the cache cannot be used."""
    if _bump_pending:
        _bump(reschedule=True)
        if _bump_pending:
            return None
    state = guarded("get_many", [GENERATION_KEY, NEXT_CHANGE_KEY, CHANGED_AT_KEY])
    if state is None:
        return None
    current, next_change = state.get(GENERATION_KEY), state.get(NEXT_CHANGE_KEY)
    changed_at = state.get(CHANGED_AT_KEY)
    now = timezone.now().timestamp()
    if current is None or (next_change not in (None, NO_CHANGE) and next_change <= now):
        _bump(reschedule=True)
        state = guarded("get_many", [GENERATION_KEY, NEXT_CHANGE_KEY])
        current, next_change = (state or {}).get(GENERATION_KEY), (state or {}).get(NEXT_CHANGE_KEY)
        if current is None:
            return None
    if next_change is None:  # expired, or evicted
        next_change = _reschedule()
    lifetime = settings.PAGE_CACHE_SECONDS
    if next_change not in (None, NO_CHANGE):
        lifetime = min(lifetime, int(next_change - now) + 1)
    caught_up_at = (changed_at or 0) + settings.PAGE_CACHE_REPLICA_LAG_SECONDS
    if caught_up_at > now:
        # The replica may not have the write yet: keep only until it has caught up.
        lifetime = min(lifetime, int(caught_up_at - now) + 1)
    return current, lifetime


def remember(name, parts, compute):
    """`compute()`, kept until the content changes; `parts` (repr-able) key it within `name`."""
    state = generation() if settings.PAGE_CACHE_SECONDS > 0 else None
    if state is None:
        return compute()
    current, lifetime = state
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    key = f"thinktank:{name}:{current}:{digest}"
    value = guarded("get", key)
    if value is None:
        value = compute()
        if lifetime > 0:
            guarded("set", key, value, timeout=lifetime)
    return value


def page_key(request, current):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"thinktank:page:{current}:{digest}"


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
        if _bump_pending:
            _bump()
        if not _is_cacheable_request(request):
            request.page_cache = "bypass"
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                # A signed-in page is for its reader alone, never for a shared cache.
                patch_cache_control(response, private=True)
            return response
        state = generation()
        if state is None:
            request.page_cache = "bypass"
            return self.get_response(request)
        current, lifetime = state
        key = page_key(request, current)
        response = guarded("get", key)
        if response is not None:
            request.page_cache = "hit"
            return response
        request.page_cache = "miss"
        response = self.get_response(request)
        if _is_storable(request, response):
            patch_cache_control(response, public=True, no_cache=True)
            set_response_etag(response)
            if lifetime > 0:
                guarded("set", key, response, timeout=lifetime)
        return response
