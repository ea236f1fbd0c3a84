"""
thinktank.cache_hints: what the last render of each address in this process asked the
page cache for, the addresses rendered last; a page miss fetches it in one round trip
(tests/articles/test_page_parts.py counts them), and computes what is no longer good.
"""

import pytest

from tests.helpers.page_cache import round_trips
from thinktank import cache as page_cache
from thinktank.cache_hints import Hints

pytestmark = pytest.mark.django_db


def test_an_address_hints_the_names_its_last_render_asked_for_each_once():
    hints = Hints(size=3)
    hints.put("/a", ["one", "two", "one"])
    hints.put("/a", ["three", "two", "three"])
    assert hints.get("/a") == ("three", "two")
    assert hints.get("/unknown") == ()


def test_only_the_addresses_rendered_or_served_last_are_hinted():
    hints = Hints(size=2)
    hints.put("/a", ["one"])
    hints.put("/b", ["two"])
    hints.get("/a")  # asked for again: now the last
    hints.put("/c", ["three"])
    assert (hints.get("/a"), hints.get("/b"), hints.get("/c")) == (("one",), (), ("three",))


def value(number, text):
    """The value `number`, `text` if computed now; it shows the key "tested:<number>"."""

    def compute():
        page_cache.depends_on(page_cache.key("tested", number))
        return text

    return page_cache.remember("tested", number, compute)


def page():
    return [value(1, "one again"), value(2, "two again")]


def test_a_hinted_render_fetches_nothing_more_and_computes_what_is_gone():
    """A hinted value no longer good is computed; a recall adds no round trip."""
    value(1, "one kept")
    value(2, "two kept")
    first = page_cache.PageRender(page_cache.start())
    page_cache._recorded(page, render=first)
    assert len(first.asked) == 2
    page_cache.ledger().purge([page_cache.key("tested", 2)])
    recalled = page_cache._fetched(first.asked)  # as a page miss does, before it renders
    render = page_cache.PageRender(page_cache.start(), recalled=recalled, hinted=True)
    with round_trips() as calls:
        values, _keys = page_cache._recorded(page, render=render)
        page_cache.recall(("tested", 3))  # a hinted render trusts its hint
    assert values == ["one kept", "two again"]
    assert calls == []
