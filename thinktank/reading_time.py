"""
The time a query reads the database at, as a parameter of it: `ReadingTime()` is
`timezone.now()` when the query is compiled. What names a query's rows independently
of when it runs (the page cache's key of a count: thinktank.pagination) compiles it
`as_marker()`, in which each reading time is the same word. The page cache keeps such
a value only until the next scheduled change (thinktank.cache.start), so the rows the
query names do not move while it is kept.
"""

import contextvars
from contextlib import contextmanager

from django.db.models import DateTimeField, Expression
from django.utils import timezone

MARKER = "thinktank:reading-time"
_marked = contextvars.ContextVar("reading_time_marked", default=False)


class ReadingTime(Expression):
    """Now, when the query is compiled."""

    output_field = DateTimeField()

    def as_sql(self, compiler, connection):
        return "%s", [MARKER if _marked.get() else now_value(connection)]


def now_value(connection):
    """Now, as `connection` takes it as a parameter."""
    return ReadingTime.output_field.get_db_prep_value(timezone.now(), connection)


@contextmanager
def as_marker():
    """Within it, queries compile each reading time to MARKER (to name them, never to
    run them)."""
    token = _marked.set(True)
    try:
        yield
    finally:
        _marked.reset(token)
