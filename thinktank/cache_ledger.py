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

import threading
import time

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
_START = """
if redis.call('ZSCORE', KEYS[2], ARGV[1]) == false then
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
  local number = math.max(tonumber(redis.call('GET', KEYS[1]) or '0') + 1, now)
  redis.call('SET', KEYS[1], string.format('%.0f', number))
  redis.call('ZADD', KEYS[2], string.format('%.0f', number), ARGV[1])
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
return string.format('%.0f', math.max(tonumber(redis.call('GET', KEYS[1])) + 1, now))
"""


class RedisLedger:
    """The ledger in Redis, shared by every app server."""

    def __init__(self, client, counter, purges, forget_after):
        self.counter, self.purges, self.forget_after = counter, purges, forget_after
        self._purge = client.register_script(_PURGE)
        self._start = client.register_script(_START)
        self.client = client

    def purge(self, keys):
        return int(
            self._purge(keys=[self.counter, self.purges], args=[ALL, self.forget_after, *keys])
        )

    def start(self):
        return int(self._start(keys=[self.counter, self.purges], args=[ALL]))

    def is_fresh(self, keys, started):
        scores = self.client.zmscore(self.purges, [ALL, *keys])
        return scores[0] is not None and all(score is None or score < started for score in scores)


class LocalLedger:
    """The ledger in this process, beside Django's local-memory cache (one process's)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._number = time.time_ns() // 1000
        self._purged = {ALL: self._number}

    def purge(self, keys):
        with self._lock:
            self._number += 1
            self._purged.update(dict.fromkeys(keys, self._number))
            return self._number

    def start(self):
        with self._lock:
            return self._number + 1

    def is_fresh(self, keys, started):
        purged = self._purged
        return all(purged.get(key, 0) < started for key in (ALL, *keys))


_local = LocalLedger()


def ledger_for(cache, forget_after):
    """The ledger beside the cache backend `cache`: in Redis for thinktank's Redis
    backend, else in this process (Django's local memory; a cache shared by processes
    needs Redis)."""
    client = getattr(getattr(cache, "_cache", None), "get_client", None)
    if client is None:
        return _local
    ledgers = vars(cache).setdefault("_thinktank_ledgers", {})
    ledger = ledgers.get(forget_after)
    if ledger is None:
        ledger = ledgers[forget_after] = RedisLedger(
            client(write=True),
            cache.make_and_validate_key("thinktank:purge-counter"),
            cache.make_and_validate_key("thinktank:purges"),
            forget_after,
        )
    return ledger
