"""
When each dependency key was last purged, in the shared cache: what tells a kept page
whether anything it showed has changed since it was rendered. See docs/page-cache.md.

Purges are numbered by one counter that never goes back. A page is rendered after
`start()` returned S; it is still good while no key it depends on was purged at a
number ≥ S. Redis keeps the counter and the keys' last purges (a sorted set) and runs
each step as one script, so that two purges of one key can never leave the older
number behind. A ledger that was lost (evicted, Redis restarted) is told by its
sentinel, ALL, being gone: then nothing kept is good.
"""

import pickle
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

PROTOCOL = pickle.HIGHEST_PROTOCOL
HELD = 100  # values a process holds decoded (about 25 kB a page): the most recently used

ALL = "*"  # every kept page depends on it: purging it purges everything
ANY = "any"  # what a page that names nothing depends on: every purge of keys purges it

# The counter is at least Redis's clock in µs (exact in a double, a sorted set's
# score), so that it moves on past any number used before a loss of the ledger, and
# a key's last purge older than any kept page can be forgotten.
_PURGE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local number = math.max(tonumber(redis.call('GET', KEYS[1]) or '0') + 1, now)
local text = string.format('%.0f', number)
redis.call('SET', KEYS[1], text)
if redis.call('ZSCORE', KEYS[2], ARGV[1]) == false then
  redis.call('ZADD', KEYS[2], text, ARGV[1])
end
for i = 3, #ARGV do
  redis.call('ZADD', KEYS[2], text, ARGV[i])
end
local forget = now - tonumber(ARGV[2]) * 1000000
local sentinel = redis.call('ZSCORE', KEYS[2], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', string.format('(%.0f', forget))
redis.call('ZADD', KEYS[2], sentinel, ARGV[1])
return text
"""

# The number a render starts at: past every purge made so far. A lost ledger is
# started again first, with everything purged.
_STARTED = """
local function started(counter, purges, all)
  if redis.call('ZSCORE', purges, all) == false then
    local t = redis.call('TIME')
    local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
    local number = math.max(tonumber(redis.call('GET', counter) or '0') + 1, now)
    redis.call('SET', counter, string.format('%.0f', number))
    redis.call('ZADD', purges, string.format('%.0f', number), all)
  end
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
  return string.format('%.0f', math.max(tonumber(redis.call('GET', counter)) + 1, now))
end
"""

# started(), and the values of KEYS[3], ... as they are (false: not there).
_START = (
    _STARTED
    + """
local reply = {started(KEYS[1], KEYS[2], ARGV[1])}
for k = 3, #KEYS do
  reply[k - 1] = redis.call('GET', KEYS[k])
end
return reply
"""
)


# Whether the value kept under `name` is still good at `now`: before its end, and no
# key it depends on (ALL among them) purged since it started.
_GOOD = """
local function good(name, purges, now, all)
  local meta = redis.call('HGET', name, 'meta')
  if not meta then
    return false
  end
  local words = {}
  for word in string.gmatch(meta, '%S+') do
    words[#words + 1] = word
  end
  local started = tonumber(words[1])
  if tonumber(now) >= tonumber(words[2]) then
    return false
  end
  local scores = redis.call('ZMSCORE', purges, all, unpack(words, 3))
  if not scores[1] then
    return false
  end
  for i = 1, #scores do
    if scores[i] and tonumber(scores[i]) >= started then
      return false
    end
  end
  return true
end
"""

# A kept value, in one round trip, if good; nothing otherwise. A caller that holds the
# value kept under the token ARGV[3] gets "=" instead: a value returned through Lua
# costs Redis far more than the check (some 50 µs for a 25 kB page).
_FETCH = """
local function fetched(name, purges, now, all, held)
  if not good(name, purges, now, all) then
    return false
  end
  local token = redis.call('HGET', name, 'token') or ''
  if token ~= '' and token == held then
    return '='
  end
  return {token, redis.call('HGET', name, 'value')}
end
"""

# The fetch of KEYS[1] (KEYS[2] the purges; ARGV: now, ALL, the token held); when it
# finds nothing good, the start of a render instead, as _START's reply after a "start"
# (KEYS[3] the counter, KEYS[4], ... the values read with it).
_FETCH_OR_START = (
    _GOOD
    + _FETCH
    + _STARTED
    + """
local found = fetched(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3])
if found then
  return found
end
local reply = {'start', started(KEYS[3], KEYS[2], ARGV[2])}
for k = 4, #KEYS do
  reply[k - 1] = redis.call('GET', KEYS[k])
end
return reply
"""
)

# The values kept under KEYS[2], KEYS[3], ... in one round trip: each if good, else ""
# (a Lua array cannot hold nil; a kept value is never empty).
_FETCH_MANY = (
    _GOOD
    + """
local found = {}
for k = 2, #KEYS do
  found[k - 1] = ''
  if good(KEYS[k], KEYS[1], ARGV[1], ARGV[2]) then
    found[k - 1] = redis.call('HGET', KEYS[k], 'value')
  end
end
return found
"""
)


@dataclass(frozen=True)
class Frozen:
    """A value as it is now, to keep later: its users may change it meanwhile."""

    data: bytes

    @classmethod
    def of(cls, value):
        return cls(pickle.dumps(value, PROTOCOL))


def _pickled(value):
    return value.data if isinstance(value, Frozen) else pickle.dumps(value, PROTOCOL)


class RedisLedger:
    """The ledger in Redis, shared by every app server."""

    def __init__(self, cache, forget_after):
        self.cache, self.forget_after = cache, forget_after
        self.client = client = cache._cache.get_client(write=True)
        self.counter = cache.make_and_validate_key("thinktank:purge-counter")
        self.purges = cache.make_and_validate_key("thinktank:purges")
        self._purge = client.register_script(_PURGE)
        self._start = client.register_script(_START)
        self._fetch = client.register_script(
            _GOOD + _FETCH + "return fetched(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3])"
        )
        self._fetch_or_start = client.register_script(_FETCH_OR_START)
        self._fetch_many = client.register_script(_FETCH_MANY)
        self._held = OrderedDict()  # name -> (token, value): see fetch()
        self._lock = threading.Lock()

    def purge(self, keys):
        return int(
            self._purge(keys=[self.counter, self.purges], args=[ALL, self.forget_after, *keys])
        )

    def start(self, reads=()):
        """The number a render starts at; with `reads` (the cache's keys), (it, {key: the
        value the cache holds under it, or None}), in the same round trip."""
        keys = [self.counter, self.purges, *self._keys(reads)]
        number, *values = self._start(keys=keys, args=[ALL])
        return int(number) if not reads else (int(number), self._read(reads, values))

    def fetch_or_start(self, name, now, *, reads, hold=False):
        """(fetch(), None) when that finds a good value, else (None, start(reads)): in
        one round trip either way."""
        name = self.cache.make_and_validate_key(name)
        held = self._held.get(name) if hold else None
        reply = self._fetch_or_start(
            keys=[name, self.purges, self.counter, *self._keys(reads)],
            args=[repr(now), ALL, held[0] if held else ""],
        )
        if isinstance(reply, list) and reply[0] == b"start":
            return None, (int(reply[1]), self._read(reads, reply[2:]))
        return self._found(name, reply, held, hold), None

    def _keys(self, reads):
        return [self.cache.make_and_validate_key(read) for read in reads]

    def _read(self, reads, values):
        """{key: value} of what Redis held under the cache's `reads`, decoded as the
        cache decodes it."""
        loads = self.cache._cache._serializer.loads
        return {
            read: None if value is None else loads(value)
            for read, value in zip(reads, values, strict=True)
        }

    def keep(self, name, value, *, started, keys, expires_at, timeout):
        """Keep `value` under `name` for `timeout` seconds, good until `expires_at` (a
        timestamp) while no key of `keys` is purged at a number ≥ `started`."""
        self.keep_many([(name, value, keys)], started=started, expires_at=expires_at,
                       timeout=timeout)  # fmt: skip

    def keep_many(self, entries, *, started, expires_at, timeout):
        """keep() each (name, value, keys) of `entries`, in one round trip."""
        with self.client.pipeline(transaction=True) as pipe:
            for name, value, keys in entries:
                meta = " ".join((str(started), repr(expires_at), *keys))
                value = _pickled(value)
                token = secrets.token_hex(8)  # which keep of `name` it is, for holders
                name = self.cache.make_and_validate_key(name)
                pipe.hset(name, mapping={"meta": meta, "value": value, "token": token})
                pipe.expire(name, timeout)
            pipe.execute()

    def fetch_many(self, names, now):
        """fetch() of each of `names` (never held), in one round trip."""
        if not names:
            return []
        names = [self.cache.make_and_validate_key(name) for name in names]
        found = self._fetch_many(keys=[self.purges, *names], args=[repr(now), ALL])
        return [pickle.loads(data) if data else None for data in found]  # noqa: S301 - ours

    def fetch(self, name, now, hold=False):
        """The value kept under `name` if it is still good at `now`, else None. With
        `hold`, the value is held decoded in this process (the HELD most recently used),
        and a later fetch of the same keep gets it without it crossing the network: the
        value must then never be changed by its users."""
        name = self.cache.make_and_validate_key(name)
        held = self._held.get(name) if hold else None
        reply = self._fetch(
            keys=[name, self.purges], args=[repr(now), ALL, held[0] if held else ""]
        )
        return self._found(name, reply, held, hold)

    def _found(self, name, reply, held, hold):
        """The value a fetch script's `reply` gives, `held` the (token, value) held before."""
        if reply is None:
            return None
        if reply == b"=":
            with self._lock:
                self._held[name] = held
                self._held.move_to_end(name)
            return held[1]
        token, data = reply
        value = pickle.loads(data)  # noqa: S301 - our own values
        if hold and token:
            with self._lock:
                self._held[name] = (token, value)
                self._held.move_to_end(name)
                while len(self._held) > HELD:
                    self._held.popitem(last=False)
        return value


class LocalLedger:
    """The ledger in this process, beside Django's local-memory cache (one process's)."""

    def __init__(self, cache):
        self.cache = cache
        self._lock = threading.Lock()
        self._number = time.time_ns() // 1000
        self._purged = {ALL: self._number}

    def purge(self, keys):
        with self._lock:
            self._number += 1
            self._purged.update(dict.fromkeys(keys, self._number))
            return self._number

    def start(self, reads=()):
        with self._lock:
            number = self._number + 1
        if not reads:
            return number
        found = self.cache.get_many(reads)
        return number, {read: found.get(read) for read in reads}

    def fetch_or_start(self, name, now, *, reads, hold=False):
        value = self.fetch(name, now)
        return (value, None) if value is not None else (None, self.start(reads))

    def keep(self, name, value, *, started, keys, expires_at, timeout):
        if isinstance(value, Frozen):
            value = pickle.loads(value.data)  # noqa: S301 - our own values
        entry = (started, keys, expires_at, value)
        self.cache.set(name, entry, timeout=timeout)

    def keep_many(self, entries, *, started, expires_at, timeout):
        for name, value, keys in entries:
            self.keep(name, value, started=started, keys=keys, expires_at=expires_at,
                      timeout=timeout)  # fmt: skip

    def fetch_many(self, names, now):
        return [self.fetch(name, now) for name in names]

    def fetch(self, name, now, hold=False):
        entry = self.cache.get(name)
        if entry is None:
            return None
        started, keys, expires_at, value = entry
        purged = self._purged
        if now < expires_at and all(purged.get(key, 0) < started for key in (ALL, *keys)):
            return value
        return None


_local = {}  # the ledger of each local-memory cache's store, shared by its threads


def ledger_for(cache, forget_after):
    """The ledger beside the cache backend `cache`: in Redis for thinktank's Redis
    backend, else in this process, beside Django's local memory (which one process
    alone sees: a cache shared by processes needs Redis)."""
    if not hasattr(getattr(cache, "_cache", None), "get_client"):
        store = id(cache._cache)
        if store not in _local:
            _local[store] = LocalLedger(cache)
        return _local[store]
    ledgers = vars(cache).setdefault("_thinktank_ledgers", {})
    if forget_after not in ledgers:
        ledgers[forget_after] = RedisLedger(cache, forget_after)
    return ledgers[forget_after]
