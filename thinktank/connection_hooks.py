"""Execute wrappers that stay on a connection for as long as it lives: at the front of
the list, where execute_wrapper blocks cannot pop them. See docs/request-log.md."""

from django.db import connections
from django.db.backends.signals import connection_created

_hooks = []


def _install(connection):
    for hook in reversed(_hooks):
        if not any(wrapper is hook for wrapper in connection.execute_wrappers):
            connection.execute_wrappers.insert(0, hook)


def _on_connection_created(sender, connection, **kwargs):
    _install(connection)


def add_hook(hook):
    """Run `hook(execute, sql, params, many, context)` around every query of every
    connection, in every thread, from now on."""
    if not any(existing is hook for existing in _hooks):
        _hooks.append(hook)
    connection_created.connect(
        _on_connection_created, dispatch_uid="thinktank.connection_hooks.install"
    )
    for connection in connections.all(initialized_only=True):
        _install(connection)
