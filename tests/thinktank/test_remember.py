"""
Values the page cache remembers (thinktank.cache.remember) are kept under the shape of
the site's models: a release whose models differ computes them again instead of
reading instances pickled by another.
"""

from types import SimpleNamespace

import pytest
from django.apps import apps

from thinktank import cache as page_cache

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
