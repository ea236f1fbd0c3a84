"""
Execute wrappers that stay on a database connection for as long as it lives.

Django's `connection.execute_wrapper(wrapper)` appends the wrapper and, when its
block ends, pops the *last* one. Anything appended inside the block (a hook that
`connection_created` adds when a thread's first query opens its connection, which
happens mid-request under runserver, gthread and ASGI) is popped in its place, and
the block's own wrapper stays behind for good: one more per request, until
RecursionError.

A hook registered here sits at the *front* of the list, under every block's
wrapper, and is added at most once per connection object (checked by identity): the
blocks push and pop above it in their order, and none of them can remove it.
"""

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
    """
    Run `hook(execute, sql, params, many, context)` around every query of every
    connection, in every thread, from now on (connections already open included).
    """
    if not any(existing is hook for existing in _hooks):
        _hooks.append(hook)
    connection_created.connect(
        _on_connection_created, dispatch_uid="thinktank.connection_hooks.install"
    )
    for connection in connections.all(initialized_only=True):
        _install(connection)
