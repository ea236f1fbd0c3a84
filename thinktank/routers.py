"""
Reads from a read replica, writes to the primary.

Installed by the settings only when DATABASE_REPLICA_URL names a replica (the
"replica" database); without one there is no router and everything uses "default".

A replica lags its primary a little. Reads that must see the latest write are those
made inside a transaction on the primary: the admin's add, change and delete views
run in one, as do the services that read a row, check it and write it (the editors'
conflict checks, publishing), so there they read the primary. Related rows of an
object read from the primary are read from it too, so one object's parts never mix
the two databases.
"""

from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
DATABASES = {DEFAULT_DB_ALIAS, REPLICA}


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        instance = hints.get("instance")
        if instance is not None and instance._state.db == DEFAULT_DB_ALIAS:
            return DEFAULT_DB_ALIAS
        return REPLICA

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The replica holds the same rows as the primary: an object read from one may
        # point to an object read from the other.
        if {obj1._state.db, obj2._state.db} <= DATABASES:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica gets its schema from the primary through replication.
        return db == DEFAULT_DB_ALIAS
