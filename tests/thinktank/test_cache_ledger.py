"""
The ledger of purges (thinktank.cache_ledger), in Redis and in local memory: a kept
value is returned while no key it depends on was purged after its render started and
its end has not come; never once one was, nor after the ledger was lost. Kept and
fetched one at a time or several at once.
"""

import pytest
from django.core.cache.backends.locmem import LocMemCache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.servers import RedisServer
from thinktank.cache_backends import RedisCache
from thinktank.cache_ledger import ALL, Frozen, LocalLedger, RedisLedger

KEYS = st.sampled_from(["article:1", "article:2", "related:en:t1", "any", ALL])
SLOTS = st.integers(0, 2)
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("render"), SLOTS, st.lists(KEYS, min_size=1, max_size=3)),
        st.tuples(st.just("purge"), st.lists(KEYS, min_size=1, max_size=3)),
        st.tuples(st.just("fetch"), SLOTS, st.booleans()),
        st.tuples(
            st.just("render_many"),
            st.lists(st.tuples(SLOTS, st.lists(KEYS, min_size=1, max_size=3)), max_size=3),
        ),
        st.tuples(st.just("fetch_many"), st.lists(SLOTS, max_size=4)),
        st.tuples(
            st.just("fetch_or_render"), SLOTS, st.lists(KEYS, min_size=1, max_size=3), st.booleans()
        ),
        st.tuples(st.just("lose"), st.just(None)),
    ),
    max_size=25,
)
NOW = 1_000_000.0
READ, READ_VALUE = "schedule", 1_700_000_000.5  # a value of the cache, read with a start


class Model:
    """What the ledger must answer: events in order, each key's latest purge."""

    def __init__(self):
        self.clock = 0
        self.purged = {}
        self.kept = {}
        self.read = READ_VALUE

    def purge(self, keys):
        self.clock += 1
        self.purged.update(dict.fromkeys(keys, self.clock))

    def keep(self, slot, started, keys, value):
        self.kept[slot] = (started, keys, value)

    def fresh(self, slot):
        """The value kept in `slot` while it is good, else None."""
        if slot not in self.kept:
            return None
        started, keys, value = self.kept[slot]
        if all(self.purged.get(key, 0) < started for key in (ALL, *keys)):
            return value
        return None


def run(ledger, steps, lose):
    model = Model()
    for number, (step, *args) in enumerate(steps):
        if step == "render":
            slot, keys = args
            value = (slot, number)  # each render's own, to tell a held one from the next
            started, model_started = ledger.start(), model.clock + 1
            ledger.keep(
                f"slot{slot}", value, started=started, keys=keys, expires_at=NOW, timeout=60
            )
            model.keep(slot, model_started, keys, value)
        elif step == "render_many":  # one render keeping several values at once
            entries = [
                (f"slot{slot}", (slot, number, index), keys)
                for index, (slot, keys) in enumerate(args[0])
            ]
            started, model_started = ledger.start(), model.clock + 1
            ledger.keep_many(entries, started=started, expires_at=NOW, timeout=60)
            for name, value, keys in entries:
                model.keep(int(name.removeprefix("slot")), model_started, keys, value)
        elif step == "fetch_many":
            names = [f"slot{slot}" for slot in args[0]]
            assert ledger.fetch_many(names, NOW - 1) == [model.fresh(slot) for slot in args[0]]
        elif step == "purge":
            ledger.purge(args[0])
            model.purge(args[0])
        elif step == "fetch":
            slot, hold = args  # held: a later fetch of the same keep comes from memory
            assert ledger.fetch(f"slot{slot}", NOW - 1, hold=hold) == model.fresh(slot)
        elif step == "fetch_or_render":  # a page: served if kept, else rendered from its start
            slot, keys, hold = args
            name, value = f"slot{slot}", (slot, number)
            found, begun = ledger.fetch_or_start(name, NOW - 1, reads=[READ], hold=hold)
            assert found == model.fresh(slot)
            assert (begun is None) == (found is not None)
            if begun is not None:
                started, read = begun
                assert read == {READ: model.read}
                ledger.keep(name, value, started=started, keys=keys, expires_at=NOW, timeout=60)
                model.keep(slot, model.clock + 1, keys, value)
        elif lose:
            lose()
            model.purge([ALL])
            model.read = None


@pytest.fixture(scope="module")
def redis_ledger():
    server = RedisServer()
    server.start()
    cache = RedisCache(server.url, {"OPTIONS": {"socket_timeout": 2}})
    yield RedisLedger(cache, forget_after=600)
    server.stop()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=STEPS)
def test_redis_keeps_what_no_purge_touched_since_its_render(redis_ledger, steps):
    redis_ledger.client.flushall()
    redis_ledger.cache.set(READ, READ_VALUE)
    run(redis_ledger, steps, lose=redis_ledger.client.flushall)


@settings(max_examples=60, deadline=None)
@given(steps=STEPS)
def test_local_memory_keeps_what_no_purge_touched_since_its_render(steps):
    cache = LocMemCache("ledger-test", {})
    cache.clear()
    cache.set(READ, READ_VALUE)
    run(LocalLedger(cache), [step for step in steps if step[0] != "lose"], lose=None)


def test_a_value_past_its_end_is_not_returned(redis_ledger):
    for ledger in (redis_ledger, LocalLedger(LocMemCache("ledger-end", {}))):
        ledger.keep("page", "kept", started=ledger.start(), keys=["a"], expires_at=NOW, timeout=60)
        assert ledger.fetch("page", NOW - 1) == "kept"
        assert ledger.fetch("page", NOW) is None


def test_a_held_value_is_checked_like_any_other(redis_ledger):
    """Held in this process, a value is still only returned while Redis says it is
    good, and a new keep under its name replaces it."""
    redis_ledger.client.flushall()
    keep = {"started": redis_ledger.start(), "keys": ["a"], "expires_at": NOW, "timeout": 60}
    redis_ledger.keep("page", "first", **keep)
    assert redis_ledger.fetch("page", NOW - 1, hold=True) == "first"
    assert redis_ledger.fetch("page", NOW - 1, hold=True) == "first"  # from memory
    redis_ledger.keep("page", "second", **{**keep, "started": redis_ledger.start()})
    assert redis_ledger.fetch("page", NOW - 1, hold=True) == "second"
    redis_ledger.purge(["a"])
    assert redis_ledger.fetch("page", NOW - 1, hold=True) is None
    redis_ledger.keep("page", "third", **{**keep, "started": redis_ledger.start()})
    assert redis_ledger.fetch("page", NOW - 1, hold=True) == "third"
    redis_ledger.client.flushall()
    assert redis_ledger.fetch("page", NOW - 1, hold=True) is None


def test_a_start_reads_the_cache_as_the_cache_does(redis_ledger):
    redis_ledger.client.flushall()
    values = {"a-number": 7, "a-moment": 1_700_000_000.25, "a-word": "later"}
    redis_ledger.cache.set_many(values)
    started, read = redis_ledger.start([*values, "nothing"])
    assert read == {**values, "nothing": None}
    assert redis_ledger.purge(["article:1"]) >= started  # a later purge ends its render


def test_purge_numbers_go_on_past_a_lost_ledger(redis_ledger):
    before = redis_ledger.purge(["article:1"])
    redis_ledger.client.flushall()
    assert redis_ledger.start() > before
    assert redis_ledger.purge(["article:1"]) > before


@pytest.mark.parametrize("kind", ["redis", "local"])
def test_a_frozen_value_is_kept_as_it_was_when_frozen(redis_ledger, kind):
    """A page keeps the values it remembered at its end: as they were computed, not as
    the page left them."""
    ledger = redis_ledger if kind == "redis" else LocalLedger(LocMemCache("frozen-test", {}))
    value = ["computed"]
    frozen = Frozen.of(value)
    value.append("changed by the page")
    keep = {"started": ledger.start(), "expires_at": NOW, "timeout": 60}
    ledger.keep_many([("value", frozen, ["a"])], **keep)
    assert ledger.fetch_many(["value"], NOW - 1) == [["computed"]]
