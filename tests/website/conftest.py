import pytest

from tests.helpers.visibility import make_world


@pytest.fixture
def world(db):
    """A published article, a draft and a scheduled one, sharing author, topic and regions
    (tests.helpers.visibility.make_world)."""
    return make_world()
