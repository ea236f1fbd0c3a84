"""
/healthz: can this app server serve? For a load balancer's health check and for an
operator's curl.

The database is required: without it no page can be made, so the answer is 503 and
the balancer takes the server out. The cache is not: pages are then made afresh for
every reader (slower, still correct), so a cache that went away is "degraded", still
200; taking every app server out because Redis restarted would turn a slowdown into
an outage.
"""

import uuid

from django.core.cache import cache
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


def check_database(alias):
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


class CacheMismatch(Exception):
    """The cache accepted a value and gave back another (or nothing)."""


def check_cache():
    # A key of this request's own, so that two servers checking at once cannot
    # read each other's value.
    key = f"healthz:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    try:
        if cache.get(key) != value:
            raise CacheMismatch
    finally:
        cache.delete(key)


def outcome(check, *args):
    """'ok', or the name of the exception's class: what failed, never a message that
    might carry a host name or a password out of a connection string."""
    try:
        check(*args)
    except Exception as error:  # noqa: BLE001 (any failure is the answer)
        return type(error).__name__
    return "ok"


@never_cache
@require_safe
def healthz(request):
    report = {}
    # The primary, and a read replica when one is configured: pages read from it.
    for alias in connections:
        report["database" if alias == "default" else f"database_{alias}"] = outcome(
            check_database, alias
        )
    databases_up = all(value == "ok" for value in report.values())
    report["cache"] = outcome(check_cache)
    if not databases_up:
        status = "error"
    elif report["cache"] != "ok":
        status = "degraded"
    else:
        status = "ok"
    return JsonResponse({"status": status, **report}, status=200 if databases_up else 503)
