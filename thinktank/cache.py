"""The anonymous readers' page cache, shared by every app server: what a page shows
(`depends_on`), and the middleware that serves and keeps pages. What purges them:
thinktank/cache_purges.py. See docs/page-cache.md."""

import contextvars
import dataclasses
import functools
import hashlib
import math
import time
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils import timezone
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)

from thinktank import logging as request_log
from thinktank import shared_cache
from thinktank.cache_hints import hints
from thinktank.cache_ledger import ANY, Frozen
from thinktank.cache_purges import (
    CHANGED_AT_KEY,
    NEXT_CHANGE_KEY,
    NO_CHANGE,
    caught_up,
    guarded_call,
    ledger,
    store_next_change,
)
from thinktank.kept_pages import KeptPage

_recording = contextvars.ContextVar("page_cache_recording", default=None)
# The page being rendered (a PageRender): the values it remembers start with it, and
# are kept with it, in one round trip.
_page_render = contextvars.ContextVar("page_cache_page_render", default=None)


@dataclasses.dataclass
class PageRender:
    state: tuple  # its start()
    pending: list = dataclasses.field(default_factory=list)  # (name, value, keys) to keep
    recalled: dict = dataclasses.field(default_factory=dict)  # value name -> kept or None
    hinted: bool = False  # whether `recalled` holds what its address's last render asked
    asked: list = dataclasses.field(default_factory=list)  # the value names it asked for


def is_on():
    """Whether pages and values are kept (PAGE_CACHE_SECONDS > 0)."""
    return settings.PAGE_CACHE_SECONDS > 0


def key(kind, pk):
    """The dependency key of one object: "article:12"."""
    return f"{kind}:{pk}"


def depends_on(*keys):
    """The page (or remembered value) being computed shows what `keys` name: a purge
    of any of them ends its life. A page that names nothing depends on ANY."""
    recording = _recording.get()
    if recording is not None:
        recording.update(keys)


# --- reads -----------------------------------------------------------------------------


# What a render's start reads besides its number (start()).
START_READS = (NEXT_CHANGE_KEY, CHANGED_AT_KEY)


def start():
    """(the purge number a render starts at, when what it renders must be dropped), or
    None when the cache cannot be used."""
    if not caught_up():
        return None
    return _started(guarded_call(ledger().start, START_READS))


def _started(begun):
    """start()'s answer from the ledger's (number, {START_READS: value}), or None."""
    if begun is None:
        return None
    started, state = begun
    next_change, changed_at = state[NEXT_CHANGE_KEY], state[CHANGED_AT_KEY]
    now = timezone.now().timestamp()
    if next_change is None or (next_change != NO_CHANGE and next_change <= now):
        next_change = store_next_change()  # expired, evicted, or passed
    if next_change is None:
        return None
    expires_at = now + settings.PAGE_CACHE_SECONDS
    if next_change != NO_CHANGE:
        expires_at = min(expires_at, next_change)
    caught_up_at = (changed_at or 0) + settings.PAGE_CACHE_REPLICA_LAG_SECONDS
    if caught_up_at > now:
        # The replica may not have the write yet: keep only until it has caught up.
        expires_at = min(expires_at, caught_up_at)
    return started, expires_at


def _fetch(name, hold=False):
    """The value kept under `name` if still good, else None (`hold`: the ledger's)."""
    now = timezone.now().timestamp()
    return guarded_call(ledger().fetch, name, now, hold=hold)


def _named(keys):
    """The keys recorded while computing something, as it is kept: ANY when none."""
    return tuple(sorted(keys)) or (ANY,)


def _keep_many(state, entries):
    """Keep each (name, value, keys) of `entries`, in one round trip; False when their
    lifetime is already over."""
    started, expires_at = state
    timeout = math.ceil(expires_at - timezone.now().timestamp())
    if timeout <= 0:
        return False
    kept = guarded_call(
        ledger().keep_many,
        entries,
        started=started,
        expires_at=expires_at,
        timeout=timeout,
        default=False,
    )
    return kept is not False


def models_shape(models):
    """A digest of `models`' names and columns: what a kept model instance was made of."""
    shape = sorted(
        (model._meta.label, tuple(field.attname for field in model._meta.concrete_fields))
        for model in models
    )
    return hashlib.sha256(repr(shape).encode()).hexdigest()[:12]


@functools.cache
def _shape():
    return models_shape(apps.get_models())


def _value_name(name, parts):
    # A value may hold model instances: a release whose models differ never reads the
    # values of another (unpickling them could fail, and turn the cache off for a while).
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"thinktank:{name}:{_shape()}:{digest}"


def remember(name, parts, compute):
    """`compute()`, kept until what it read changes; `parts` (repr-able) key it within
    `name`. The page being rendered depends on what the value depends on. None is not
    kept (what is not there now may be at the next write, which nothing would purge),
    and passes on only the keys it named."""
    (value,) = remember_many(name, [None], parts=lambda _: parts, compute=lambda _: compute())
    return value


def remember_many(name, things, *, parts, compute, load=None):
    """[compute(thing) for thing in things], each value remembered as `remember` does,
    keyed by `parts(thing)`: those kept are fetched in one round trip, the others
    computed and kept in one more (with the page, when one is rendered). `load`, if
    given, turns the things not kept, all at once, into what `compute` takes, in
    order."""
    on = is_on()
    names = [_value_name(name, parts(thing)) for thing in things]
    found = [None] * len(names)
    render = _page_render.get()
    if on and names:
        recalled = render.recalled if render else {}
        if render:
            render.asked.extend(names)
        fetched = _fetched([name for name in names if name not in recalled])
        found = [recalled[name] if name in recalled else fetched[name] for name in names]
    missing = [thing for thing, kept in zip(things, found, strict=True) if kept is None]
    state = None
    if missing and on:  # before reading what is computed
        state = render.state if render else (start() or False)
    arguments = iter(load(missing) if load and missing else missing)
    values, computed = [], []
    for cache_key, kept in zip(names, found, strict=True):
        if kept is not None:
            value, keys = kept
        else:
            value, keys = _recorded(compute, next(arguments))
            if value is not None:
                keys = _named(keys)
                computed.append((cache_key, (value, keys), keys))
        depends_on(*keys)
        values.append(value)
    if state and computed:
        if render:  # kept with the page, as they are now: the page may change them
            render.pending.extend((name, Frozen.of(value), keys) for name, value, keys in computed)
        else:
            _keep_many(state, computed)
    return values


def recall(*named):
    """Fetch the values kept under each (name, parts) of `named` in one round trip, for
    the remember() calls of the page being rendered that ask for them next: what is
    kept is not asked for again, nor what is not (it is computed). Outside a page
    render, or in one that fetched what its address's last render asked for
    (cache_hints), nothing."""
    render = _page_render.get()
    if render is None or render.hinted or not is_on():
        return
    names = [_value_name(name, parts) for name, parts in named]
    render.recalled |= _fetched([name for name in names if name not in render.recalled])


def _fetched(names):
    """{name: the (value, keys) kept under it, or None} of `names`, in one round trip."""
    names = list(dict.fromkeys(names))
    if not names:
        return {}
    now = timezone.now().timestamp()
    found = guarded_call(ledger().fetch_many, names, now) or [None] * len(names)
    return dict(zip(names, found, strict=True))


def _recorded(compute, *args, render=None):
    """compute(*args), and the keys it depended on; `render`: the PageRender it is."""
    keys = set()
    token = _recording.set(keys)
    rendering = _page_render.set(render) if render else None
    try:
        return compute(*args), keys
    finally:
        if rendering:
            _page_render.reset(rendering)
        _recording.reset(token)


# Bumped when what a kept page holds changes, so that no process serves another's: 2,
# its headers those of the whole stack (PageCacheMiddleware first).
PAGE_FORMAT = 2


def page_key(request):
    """The name a page is kept under: its address's, in the PAGE_FORMAT."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"thinktank:page:{PAGE_FORMAT}:{digest}"


@functools.cache
def _path_of(url):
    """The path of an address ("/static/" of a CDN's "https://cdn.example/static/")."""
    return urlsplit(url).path


def _is_cacheable_request(request):
    return (
        is_on()
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS)
        # Static files are WhiteNoise's, an http address SecurityMiddleware's redirect.
        and not request.path.startswith(_path_of(settings.STATIC_URL))
        and (request.is_secure() or not settings.SECURE_SSL_REDIRECT)
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
    """Serves and keeps anonymous pages; first in MIDDLEWARE. A kept page is the
    response the whole stack made, with every header a reader got; a hit replays it
    without the stack, answers If-None-Match itself and writes its own request log line.
    `request.page_cache` says what it did."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        caught_up()
        if not _is_cacheable_request(request):
            request.page_cache = "bypass"
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                # A signed-in page is for its reader alone, never for a shared cache.
                patch_cache_control(response, private=True)
            return response
        try:
            cache_key = page_key(request)
        except DisallowedHost:  # the stack below answers it (400), and logs it
            request.page_cache = "bypass"
            return self.get_response(request)
        # The page if kept (a KeptPage is frozen), else its render's start: one round trip.
        now = timezone.now().timestamp()
        found = guarded_call(ledger().fetch_or_start, cache_key, now, reads=START_READS, hold=True)
        kept, begun = found or (None, None)
        if kept is not None:
            request.page_cache = "hit"
            response = _answered(request, _shared(kept.response_for(request), kept))
            request_log.log_request(request, response, started)
            return response
        state = _started(begun) if caught_up() else None
        if state is None:
            request.page_cache = "bypass"
            return self.get_response(request)
        request.page_cache = "miss"
        # What the address's last render here asked for, fetched at once (cache_hints).
        hinted = hints.get(request.path)
        render = PageRender(state, recalled=_fetched(hinted), hinted=bool(hinted))
        response, keys = _recorded(self.get_response, request, render=render)
        hints.put(request.path, render.asked)
        if _is_storable(request, response):
            patch_cache_control(response, public=True, no_cache=True)
            set_response_etag(response)
            kept = KeptPage.of(response, keys=_named(keys), until=state[1])
            response = kept.response_for(request)
            # Shared only while nothing it shows was purged since it started: a page
            # rendered from the rows a write is replacing must not outlive its purge.
            page = (cache_key, kept, kept.keys)
            shared = _keep_many(state, [*render.pending, page]) and shared_cache.enabled()
            if shared and _fetch(cache_key) is not None:
                _shared(response, kept)
            response = _answered(request, response)
        elif render.pending:
            _keep_many(state, render.pending)
        return response


# What a 304 leaves out of its page's headers: they describe the body it has not.
BODY_HEADERS = {"content-type", "content-length", "content-encoding", "content-language"}


def _answered(request, response):
    """`response`, or the 304 ConditionalGetMiddleware would answer instead, with every
    header of the page but BODY_HEADERS (the security headers among them)."""
    if request.method != "GET" or not response.has_header("ETag"):
        return response
    answer = get_conditional_response(request, etag=response["ETag"], response=response)
    if answer is not response:
        for name, value in response.items():
            if name.lower() not in BODY_HEADERS:
                answer.headers.setdefault(name, value)
    return answer


def _shared(response, kept):
    """`response`, which shared caches may keep for the rest of the life of `kept`
    (when they are on: shared_cache)."""
    seconds = math.floor(kept.until - timezone.now().timestamp())
    if shared_cache.enabled() and seconds > 0:
        shared_cache.share(response, kept.keys, seconds)
    return response
