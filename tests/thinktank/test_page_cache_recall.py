"""
thinktank.cache.recall: the values a page render will ask for, fetched in one round
trip; what was kept is then served, what was not is computed without asking again.
"""

import pytest

from tests.helpers.page_cache import round_trips
from thinktank import cache as page_cache

pytestmark = pytest.mark.django_db


def test_the_values_recalled_are_fetched_in_one_round_trip():
    page_cache.remember("tested", 1, lambda: "one kept")
    page_cache.remember("tested", 2, lambda: "two kept")

    def page():
        page_cache.recall(("tested", 1), ("tested", 2), ("tested", 3))
        return [
            page_cache.remember("tested", 1, lambda: "one again"),
            page_cache.remember("tested", 2, lambda: "two again"),
            page_cache.remember("tested", 3, lambda: "three computed"),
        ]

    render = page_cache.PageRender(page_cache.start())  # as the page cache renders a page
    with round_trips() as calls:
        values, _keys = page_cache._recorded(page, render=render)
    assert values == ["one kept", "two kept", "three computed"]
    assert calls == ["fetch_many"]  # and nothing asked again, kept or not


def test_outside_a_page_render_recall_fetches_nothing():
    with round_trips() as calls:
        page_cache.recall(("tested", 1))
    assert calls == []
