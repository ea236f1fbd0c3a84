"""
Values the page cache remembers (thinktank.cache.remember, remember_many): several at
once in one round trip, each with the keys it read, which pass on to the page; None is
never kept. They are kept under the shape of the site's models: a release whose models
differ computes them again instead of reading instances pickled by another.
"""

from types import SimpleNamespace

import pytest
from django.apps import apps

from thinktank import cache as page_cache
from thinktank import cache_purges

pytestmark = pytest.mark.django_db


def model(label, *columns):
    fields = [SimpleNamespace(attname=column) for column in columns]
    return SimpleNamespace(_meta=SimpleNamespace(label=label, concrete_fields=fields))


def test_the_shape_moves_with_any_models_columns_and_not_with_their_order():
    article, expert = model("articles.Article", "id", "title"), model("experts.Expert", "id")
    shape = page_cache.models_shape([article, expert])
    assert page_cache.models_shape([expert, article]) == shape
    assert page_cache.models_shape([model("articles.Article", "id", "slug"), expert]) != shape
    assert page_cache.models_shape([article, expert, model("taxonomy.Topic", "id")]) != shape


def test_a_value_kept_by_other_models_is_computed_again(monkeypatch):
    computed = []

    def compute():
        computed.append(1)
        return len(computed)

    monkeypatch.setattr(page_cache, "_shape", lambda: "one")
    assert page_cache.remember("test-value", 1, compute) == 1
    assert page_cache.remember("test-value", 1, compute) == 1  # kept
    monkeypatch.setattr(page_cache, "_shape", lambda: "two")
    assert page_cache.remember("test-value", 1, compute) == 2


def test_the_sites_shape_is_its_models():
    assert page_cache._shape() == page_cache.models_shape(apps.get_models())


def test_many_values_are_fetched_at_once_and_each_passes_its_keys_on(monkeypatch):
    computed = []

    def compute(number):
        computed.append(number)
        page_cache.depends_on(f"number:{number}")
        return None if number == 3 else number * 10

    def remembered(numbers):
        return page_cache._recorded(
            lambda: page_cache.remember_many("test-many", numbers, parts=str, compute=compute)
        )

    assert remembered([1, 2, 3]) == ([10, 20, None], {"number:1", "number:2", "number:3"})
    fetches = []
    fetch_many = page_cache.ledger().fetch_many
    monkeypatch.setattr(
        page_cache.ledger(), "fetch_many", lambda *args: fetches.append(args) or fetch_many(*args)
    )
    computed.clear()
    assert remembered([2, 1, 3, 4]) == ([20, 10, None, 40], {f"number:{n}" for n in (1, 2, 3, 4)})
    assert computed == [3, 4]  # None was not kept
    assert len(fetches) == 1
    cache_purges.purge("number:1")
    computed.clear()
    assert remembered([1, 2, 4])[0] == [10, 20, 40]
    assert computed == [1]


def test_what_is_not_kept_is_loaded_at_once_and_only_that():
    loads = []

    def load(numbers):
        loads.append(list(numbers))
        return [SimpleNamespace(number=number) for number in numbers]

    def remembered(numbers):
        return page_cache.remember_many(
            "test-load", numbers, parts=str, compute=lambda loaded: loaded.number * 10, load=load
        )

    assert remembered([1, 2]) == [10, 20]
    assert remembered([3, 1, 4, 2]) == [30, 10, 40, 20]
    assert remembered([2, 1]) == [20, 10]
    assert loads == [[1, 2], [3, 4]]  # nothing loaded when everything was kept
