"""Fixtures shared by every test module."""

import shutil
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation

from tests.helpers.demo import load_demo
from tests.helpers.roles import make_roles
from thinktank import cache_purges
from thinktank.cache_hints import hints

# Fixtures of an S3-compatible server (moto), for the tests of media on S3; of the PDF
# tests (a private storage of their own, a server counting requests); of live servers.
pytest_plugins = ["tests.helpers.pdf", "tests.helpers.s3", "tests.helpers.servers"]


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts (and ends) in the site's default language, whatever ran before."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    """
    Each test starts with an empty cache: its database starts afresh (rolled back,
    which no write signals), so no page or count kept by an earlier test may show.
    """
    cache_purges._cache_down_until = 0.0  # a failure an earlier test staged is forgotten
    cache.clear()
    hints.clear()  # what renders asked the cache for in earlier tests
    yield
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _remove_test_media():
    """tests/settings.py puts uploads (public and private) in temporary folders; remove
    them at the end."""
    yield
    for root in (django_settings.MEDIA_ROOT, django_settings.PRIVATE_MEDIA_ROOT):
        root = Path(root)
        if root.is_dir() and root.is_relative_to(tempfile.gettempdir()):
            shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def demo(db):
    """The demo content, loaded into the test database; pages then render with DEBUG off."""
    load_demo()


def _demo_rolled_back(django_db_setup, django_db_blocker):
    """
    The demo content, loaded once for a whole test module (demo_once) or class
    (demo_for_class), since it takes a moment, and rolled back after its last test.
    Each test still needs `db`, whose own transaction (a savepoint inside this one)
    undoes the test's writes.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            load_demo()
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


demo_once = pytest.fixture(_demo_rolled_back, scope="module", name="demo_once")
demo_for_class = pytest.fixture(_demo_rolled_back, scope="class", name="demo_for_class")


@pytest.fixture
def clock(monkeypatch):
    """Moves the site's clock forward, as time passing would: clock(hours=1)."""
    real_now = timezone.now
    offset = {"delta": timedelta(0)}
    monkeypatch.setattr(timezone, "now", lambda: real_now() + offset["delta"])

    def advance(**delta):
        offset["delta"] += timedelta(**delta)

    return advance


@pytest.fixture
def cache_miss(settings):
    """Query budgets are those of a cache miss: no page cache, nothing cached before."""
    settings.PAGE_CACHE_SECONDS = 0
    cache.clear()


def user_in_role(group, username):
    """A staff account in one of the role groups made by the data migration."""
    user = User.objects.create_user(username, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return User.objects.get(pk=user.pk)  # a fresh permission cache


@pytest.fixture
def editor(db):
    return user_in_role("Editors", "ed")


@pytest.fixture
def contributor(db):
    return user_in_role("Contributors", "con")


@pytest.fixture
def other_contributor(db):
    return user_in_role("Contributors", "con2")


@pytest.fixture
def expert_manager(db):
    return user_in_role("Expert managers", "em")


_migrated_roles = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """
    pytest-django's test database; then, before any test uses it, each role group's
    permissions as the migrations left them: a transactional test's flush empties the
    groups (and makes the permissions again), and `roles` makes them again from this.
    """
    with django_db_blocker.unblock():
        _migrated_roles.update(
            (group.name, list(group.permissions.values_list("content_type__app_label", "codename")))
            for group in Group.objects.all()
        )


@pytest.fixture
def migrated_roles(django_db_setup):
    """{group name: [(app label, codename)]}, as the migrations made the role groups."""
    return _migrated_roles


@pytest.fixture
def roles(migrated_roles):
    """The role groups as the migrations make them, whatever a flush left (in a test that
    may use the database)."""
    make_roles(migrated_roles)
