"""One log line per request, and formatters for every record. See docs/request-log.md."""

import contextvars
import datetime
import json
import logging
import re
import time

from django.core.exceptions import SuspiciousOperation

from thinktank import connection_hooks
from thinktank.page_numbers import page_number

logger = logging.getLogger("thinktank.request")

SECRET_URL_ARGUMENTS = ("token",)


# A list of one int, so that the view's thread (sync_to_async copies the context) adds to it.
_queries = contextvars.ContextVar("thinktank_request_queries", default=None)


def _count_query(execute, sql, params, many, context):
    count = _queries.get()
    if count is not None:
        count[0] += 1
    return execute(sql, params, many, context)


def connect_signals():
    connection_hooks.add_hook(_count_query)


def logged_path(request):
    path = request.path
    match = getattr(request, "resolver_match", None)
    if match is not None:
        for name in SECRET_URL_ARGUMENTS:
            value = match.kwargs.get(name)
            if value:
                path = path.replace(str(value), f"<{name}>")
    return path


def parsed_query(request):
    """request.GET; empty when Django refused it (too many fields), the 400 it answered."""
    try:
        return request.GET
    except SuspiciousOperation:
        return {}


def response_size(response):
    if getattr(response, "streaming", False):
        length = response.get("Content-Length")
        return int(length) if length and length.isdigit() else None
    return len(response.content)


class RequestLogMiddleware:
    """Logs one line per request; outside the rest of the stack, so it times the whole
    request. A page-cache hit never reaches it: the page cache logs it (`log_request`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not logger.isEnabledFor(logging.INFO):
            return self.get_response(request)
        count = [0]
        reset = _queries.set(count)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
        finally:
            _queries.reset(reset)
        log_request(request, response, started, count[0])
        return response


def log_request(request, response, started, queries=0):
    """Write `request`'s line: `started` is its time.perf_counter() at the start."""
    duration = (time.perf_counter() - started) * 1000
    if not logger.isEnabledFor(logging.INFO):
        return
    fields = {
        "method": request.method,
        "path": logged_path(request),
    }
    if request.META.get("QUERY_STRING"):
        query = parsed_query(request)
        if query:
            fields["query"] = ",".join(dict.fromkeys(query))
            page = page_number(query.get("page"))
            if page is not None:
                fields["page"] = page  # a number, and what makes a list slow
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name:
        fields["view"] = match.view_name
    fields["status"] = response.status_code
    fields["duration_ms"] = round(duration, 1)
    fields["queries"] = queries
    size = response_size(response)
    if size is not None:
        fields["bytes"] = size
    page_cache = getattr(request, "page_cache", None)
    if page_cache:
        fields["cache"] = page_cache
    logger.info("request", extra={"request_fields": fields})


def record_fields(record):
    """A record's fields, in order: when, how grave, whose; then the request's or a message."""
    when = datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC)
    fields = {
        "time": when.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "level": record.levelname.lower(),
        "logger": record.name,
    }
    request_fields = getattr(record, "request_fields", None)
    if request_fields is not None:
        fields.update(request_fields)
    else:
        fields["msg"] = record.getMessage()
    return fields


class JSONFormatter(logging.Formatter):
    """LOG_FORMAT=json: one JSON object per line; a traceback goes in its "exc" field."""

    def format(self, record):
        fields = record_fields(record)
        if record.exc_info:
            fields["exc"] = self.formatException(record.exc_info)
        return json.dumps(fields, ensure_ascii=False, default=str)


# A value written as it is: no space, quote, "=", backslash or control character.
BARE_VALUE = re.compile(r'[^\s"=\\\x00-\x1f\x7f]+')


def logfmt_value(value):
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if BARE_VALUE.fullmatch(text):
        return text
    return json.dumps(text, ensure_ascii=False)


class LogfmtFormatter(logging.Formatter):
    """LOG_FORMAT=logfmt (the default): key=value pairs; a traceback on the next lines."""

    def format(self, record):
        line = " ".join(
            f"{key}={logfmt_value(value)}" for key, value in record_fields(record).items()
        )
        if record.exc_info:
            line = f"{line}\n{self.formatException(record.exc_info)}"
        return line


class DatabaseOutageFilter(logging.Filter):
    """A database outage's record gets one line, not a traceback: hundreds a second
    would bury everything else."""

    def filter(self, record):
        from thinktank.views import DATABASE_UNAVAILABLE  # what the 503 page answers

        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, DATABASE_UNAVAILABLE):
            first_line = (str(error).strip().splitlines() or [""])[0]
            record.msg = f"{record.getMessage()} (database unavailable: "
            record.msg += f"{type(error).__name__}: {first_line})"
            record.args = ()
            record.exc_info = record.exc_text = None
        return True


class SuspiciousRequestFilter(logging.Filter):
    """django.security's errors (anyone can send such requests) become one WARNING line."""

    def filter(self, record):
        if record.name.startswith("django.security.") and record.levelno > logging.WARNING:
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.exc_info = record.exc_text = None
        return True
