"""Fixtures shared by every test module."""

import contextlib
import io
import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from django.utils import translation

from thinktank import cache as page_cache

# Fixtures of an S3-compatible server (moto), for the tests of media on S3.
pytest_plugins = ["tests.s3", "tests.servers"]


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
    page_cache._cache_down_until = 0.0  # a failure an earlier test staged is forgotten
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session", autouse=True)
def _remove_test_media():
    """tests/settings.py puts uploads in a temporary folder; remove it at the end."""
    yield
    media_root = Path(django_settings.MEDIA_ROOT)
    if media_root.is_dir() and media_root.is_relative_to(tempfile.gettempdir()):
        shutil.rmtree(media_root, ignore_errors=True)


def load_demo(settings):
    """Run `load_demo` (it refuses unless DEBUG is on), then restore DEBUG."""
    debug = settings.DEBUG
    settings.DEBUG = True
    try:
        call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    finally:
        settings.DEBUG = debug


@pytest.fixture
def demo(db, settings):
    """The demo content, loaded into the test database; pages then render with DEBUG off."""
    load_demo(settings)


@contextlib.contextmanager
def demo_rolled_back(django_db_blocker):
    """The demo content, loaded inside a transaction that is rolled back on exit."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with override_settings(DEBUG=True):
                call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):
    """
    The demo content, loaded once for a whole test module (it takes a moment) and
    rolled back after the module's last test. Each test still needs `db`, whose own
    transaction (a savepoint inside this one) undoes the test's writes.
    """
    with demo_rolled_back(django_db_blocker):
        yield


@pytest.fixture(scope="class")
def demo_for_class(django_db_setup, django_db_blocker):
    """Like `demo_once`, for the tests of one class."""
    with demo_rolled_back(django_db_blocker):
        yield


def user_in_role(group, username):
    """A staff account in one of the role groups made by the data migration."""
    from django.contrib.auth.models import Group, User

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
