"""
The read replica (DATABASE_REPLICA_URL): thinktank.routers.ReplicaRouter sends reads
to it, writes and migrations to the primary; without the variable nothing changes.
"""

import os
import textwrap

import pytest
from django.contrib.auth.models import Group
from django.db import router, transaction
from django.test.utils import override_settings

from articles.models import Article
from experts.models import Expert
from tests.helpers.processes import SETTINGS_VARIABLES, python, settings_json
from thinktank.routers import ReplicaRouter

REPLICA_ROUTER = ["thinktank.routers.ReplicaRouter"]


def stored_as(model, db):
    """An instance of `model` as if read from database `db` (nothing is queried)."""
    instance = model()
    instance._state.db = db
    return instance


# --- the router's decisions -------------------------------------------------------------


@override_settings(DATABASE_ROUTERS=REPLICA_ROUTER)
def test_reads_go_to_the_replica_and_writes_to_the_primary():
    for model in (Article, Expert, Group):
        assert router.db_for_read(model) == "replica"
        assert router.db_for_write(model) == "default"
    assert Article.objects.all().db == "replica"
    assert Article.objects.select_for_update().db == "default"  # a write's read


@override_settings(DATABASE_ROUTERS=REPLICA_ROUTER)
def test_related_rows_are_read_where_their_object_was():
    assert router.db_for_read(Expert, instance=stored_as(Article, "default")) == "default"
    assert router.db_for_read(Expert, instance=stored_as(Article, "replica")) == "replica"
    assert router.db_for_read(Expert, instance=Article()) == "replica"  # not stored yet


@override_settings(DATABASE_ROUTERS=REPLICA_ROUTER)
@pytest.mark.django_db
def test_reads_in_a_transaction_see_the_primary():
    # A transaction reads what it, or the write it is about to make, depends on.
    with transaction.atomic():
        assert router.db_for_read(Article) == "default"
        assert Article.objects.all().db == "default"


@override_settings(DATABASE_ROUTERS=REPLICA_ROUTER)
def test_objects_of_either_database_may_be_related():
    article, expert = stored_as(Article, "default"), stored_as(Expert, "replica")
    assert router.allow_relation(article, expert) is True
    assert router.allow_relation(stored_as(Article, "replica"), expert) is True
    # A database the router does not know of is not its to decide.
    assert ReplicaRouter().allow_relation(stored_as(Article, "archive"), expert) is None


@override_settings(DATABASE_ROUTERS=REPLICA_ROUTER)
def test_migrations_run_on_the_primary_only():
    assert router.allow_migrate("default", "articles", model_name="article")
    assert not router.allow_migrate("replica", "articles", model_name="article")
    assert not router.allow_migrate("replica", "auth")


# --- the settings -----------------------------------------------------------------------


def test_without_a_replica_there_is_one_database_and_no_router(tmp_path):
    databases, routers = settings_json(  # the helper leaves DATABASE_REPLICA_URL out
        tmp_path, "[sorted(settings.DATABASES), settings.DATABASE_ROUTERS]", DEBUG="1"
    )
    assert (databases, routers) == (["default"], [])


def test_a_replica_url_adds_the_replica_and_its_router(tmp_path):
    replica = settings_json(
        tmp_path,
        "[settings.DATABASES['replica'], settings.DATABASE_ROUTERS]",
        DEBUG="1",
        DB_CONN_MAX_AGE="60",
        DATABASE_REPLICA_URL="postgres://reader:secret@replica.internal:5432/thinktank",
    )
    database, routers = replica
    assert routers == REPLICA_ROUTER
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == (
        "replica.internal",
        5432,
        "thinktank",
    )
    assert (database["USER"], database["CONN_MAX_AGE"]) == ("reader", 60)
    # Tests read the primary through the replica's name, so they need no replica.
    assert database["TEST"] == {"MIRROR": "default"}


def test_reads_come_from_the_replica_and_writes_land_on_the_primary(tmp_path):
    """
    End to end, with two SQLite files for the two databases: the "replica" is a copy
    of the primary taken before a write, so a read shows which one it came from.
    """
    primary, replica = tmp_path / "primary.sqlite3", tmp_path / "replica.sqlite3"
    env = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    env.update(
        DEBUG="1",
        DJANGO_SETTINGS_MODULE="thinktank.settings",
        DATABASE_URL=f"sqlite:///{primary}",
        DATABASE_REPLICA_URL=f"sqlite:///{replica}",
    )
    code = textwrap.dedent(
        f"""
        import shutil
        import django
        django.setup()
        from django.contrib.auth.models import Group
        from django.core.management import call_command
        from django.db import connections, transaction

        call_command("migrate", "auth", verbosity=0)  # on the primary only
        assert "auth_group" not in connections["replica"].introspection.table_names()
        connections.close_all()
        shutil.copyfile({str(primary)!r}, {str(replica)!r})  # the replica catches up

        Group.objects.create(name="Written")
        print("replica sees it:", Group.objects.filter(name="Written").exists())
        with transaction.atomic():
            print("transaction sees it:", Group.objects.filter(name="Written").exists())
        print("primary has it:", Group.objects.using("default").filter(name="Written").exists())
        """
    )
    result = python(["-c", code], env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "replica sees it: False",
        "transaction sees it: True",
        "primary has it: True",
    ]
