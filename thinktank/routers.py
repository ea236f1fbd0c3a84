"""Reads from the replica (with DATABASE_REPLICA_URL), writes to the primary. Reads
inside a transaction, and an object's related rows, stay on the primary, which the
replica lags."""

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
        if {obj1._state.db, obj2._state.db} <= DATABASES:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS
