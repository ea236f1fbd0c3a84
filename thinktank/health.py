"""/healthz: 503 without a database; a lost cache is only "degraded" (200), since
taking every server out when Redis restarts would turn a slowdown into an outage."""

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
    # A key of its own, so that two servers checking at once do not mix values.
    key = f"healthz:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    try:
        if cache.get(key) != value:
            raise CacheMismatch
    finally:
        cache.delete(key)


def outcome(check, *args):
    """'ok', or the exception's class name: a message might carry a password."""
    try:
        check(*args)
    except Exception as error:  # noqa: BLE001 (any failure is the answer)
        return type(error).__name__
    return "ok"


@never_cache
@require_safe
def healthz(request):
    report = {}
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
