"""
One log line per request on "thinktank.request": method, path, status, time, queries,
size and the page cache's outcome, in logfmt or JSON lines; and nothing that
identifies a reader (no address, user agent, cookie, user or query-string value).
"""

import json
import logging
import re
import sys

import pytest
from django.db import OperationalError, connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from tests.helpers.factories import make_article
from tests.helpers.page_numbers import NOT_NUMBERS, PAGE_TWO
from tests.helpers.processes import run_isolated
from thinktank.logging import (
    DatabaseOutageFilter,
    JSONFormatter,
    LogfmtFormatter,
    RequestLogMiddleware,
)

pytestmark = pytest.mark.django_db

LOGGER = "thinktank.request"


@pytest.fixture
def request_log(caplog):
    """The fields of each request logged while the test runs."""
    caplog.set_level(logging.INFO, logger=LOGGER)

    def lines():
        return [record for record in caplog.records if record.name == LOGGER]

    return lines


def fields(record):
    return record.request_fields


def parse_logfmt(line):
    """key=value pairs, values bare or JSON-quoted: as a log shipper would read them."""
    pairs = re.findall(r'(\w+)=("(?:[^"\\]|\\.)*"|\S+)', line)
    return {key: json.loads(value) if value.startswith('"') else value for key, value in pairs}


def test_one_line_per_request_with_what_it_did(client, request_log):
    article = make_article(title="Water and Power")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    [record] = request_log()
    line = fields(record)
    assert line["method"] == "GET"
    assert line["path"] == article.get_absolute_url()
    assert line["view"] == "articles:article-topic-or-region"
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] > 0
    assert line["queries"] == len(queries) > 0
    assert line["bytes"] == len(response.content)
    assert list(line)[:3] == ["method", "path", "view"]


def test_the_page_cache_says_what_it_did(client, request_log, settings):
    settings.PAGE_CACHE_SECONDS = 600
    make_article()
    client.get("/")
    client.get("/")
    first, second = request_log()
    assert fields(first)["cache"] == "miss"
    assert fields(second)["cache"] == "hit"
    assert fields(second)["queries"] < fields(first)["queries"]


def test_no_cache_field_when_the_page_cache_was_not_asked(request_log):
    middleware = RequestLogMiddleware(lambda request: HttpResponse("plain"))
    middleware(RequestFactory().get("/anything"))
    [record] = request_log()
    assert "cache" not in fields(record)
    assert fields(record)["queries"] == 0


def test_errors_and_redirects_are_logged_with_their_status(client, request_log):
    client.get("/no-such-page")
    client.get("/experts/")  # the trailing slash is redirected away
    statuses = [fields(record)["status"] for record in request_log()]
    assert statuses == [404, 301]


def test_the_query_string_gives_its_names_and_the_page_number_only(client, request_log):
    client.get("/search", {"q": "Jane Doe's address", "page": "3", "type": "op-ed"})
    [record] = request_log()
    line = fields(record)
    assert line["path"] == "/search"
    assert line["query"] == "q,page,type"
    assert line["page"] == 3
    formatted = LogfmtFormatter().format(record)
    assert "Jane" not in formatted and "op-ed" not in formatted


def test_the_page_number_is_read_as_the_pages_read_it(client, request_log):
    """In any script's digits; what is not a page number is left out, never a 500."""
    for path in ["/policy-analysis", "/no-such-page", "/feeds/latest.rss", "/robots.txt"]:
        for number in [*PAGE_TWO, *NOT_NUMBERS]:
            response = client.get(path, {"page": number})
            assert response.status_code < 500, (path, number)
            [record] = request_log()[-1:]
            expected = 2 if number in PAGE_TWO else None
            assert fields(record).get("page") == expected, (path, number)


def test_nothing_that_identifies_a_reader(client, request_log, admin_user):
    client.force_login(admin_user)
    client.cookies["tracking"] = "cookie-value-123"
    client.get(
        "/experts",
        REMOTE_ADDR="203.0.113.77",
        HTTP_USER_AGENT="Mozilla/5.0 (Reader's Browser)",
        HTTP_REFERER="https://elsewhere.example/private-page",
        HTTP_X_FORWARDED_FOR="198.51.100.88",
    )
    [record] = request_log()
    for formatter in (LogfmtFormatter(), JSONFormatter()):
        line = formatter.format(record)
        for personal in [
            "203.0.113.77",
            "198.51.100.88",
            "Reader's Browser",
            "elsewhere.example",
            "cookie-value-123",
            client.cookies["sessionid"].value,
            "admin",
        ]:
            assert personal not in line, (personal, line)


def test_a_shared_preview_token_is_not_written_out(client, request_log):
    token = "abc123-secret-preview-token"
    client.get(f"/preview/{token}")
    [record] = request_log()
    assert fields(record)["path"] == "/preview/<token>"
    assert token not in LogfmtFormatter().format(record)


def test_logfmt_is_readable_and_parses_back(client, request_log):
    client.get("/experts", {"q": "x"})
    [record] = request_log()
    line = LogfmtFormatter().format(record)
    assert "\n" not in line
    parsed = parse_logfmt(line)
    assert parsed["level"] == "info"
    assert parsed["logger"] == LOGGER
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", parsed["time"])
    assert (parsed["method"], parsed["path"], parsed["status"]) == ("GET", "/experts", "200")
    assert parsed["query"] == "q"
    assert float(parsed["duration_ms"]) == fields(record)["duration_ms"]


def test_logfmt_quotes_values_that_need_it():
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, 'a "quoted" msg=1', (), None)
    assert parse_logfmt(LogfmtFormatter().format(record))["msg"] == 'a "quoted" msg=1'


def test_json_lines_carry_the_same_fields(client, request_log):
    client.get("/experts")
    [record] = request_log()
    line = JSONFormatter().format(record)
    assert "\n" not in line
    parsed = json.loads(line)
    assert {key: parsed[key] for key in fields(record)} == fields(record)
    assert parsed["logger"] == LOGGER and parsed["level"] == "info"


def test_other_records_in_the_same_shape_with_their_traceback():
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord(
            "django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s", ("/x",), None
        )
        record.exc_info = sys.exc_info()
    parsed = json.loads(JSONFormatter().format(record))
    assert parsed["msg"] == "Internal Server Error: /x"
    assert "ValueError: boom" in parsed["exc"]
    first, *rest = LogfmtFormatter().format(record).splitlines()
    assert parse_logfmt(first)["msg"] == "Internal Server Error: /x"
    assert "ValueError: boom" in rest[-1]


def test_nothing_is_logged_when_the_level_is_above_info(client, caplog):
    caplog.set_level(logging.WARNING, logger=LOGGER)
    assert client.get("/experts").status_code == 200
    assert not [record for record in caplog.records if record.name == LOGGER]


def test_log_format_comes_from_the_environment(tmp_path):
    code = (
        "import os\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'thinktank.settings')\n"
        "import django\n"
        "django.setup()\n"
        "import logging\n"
        "logging.getLogger('thinktank.request').info('x', extra={'request_fields': {'a': 1}})\n"
    )
    env = {"DEBUG": "1"}
    json_line = run_isolated(["-c", code], tmp_path, LOG_FORMAT="json", **env).stderr.splitlines()[
        -1
    ]
    assert json.loads(json_line)["a"] == 1
    logfmt_line = run_isolated(["-c", code], tmp_path, **env).stderr.splitlines()[-1]
    assert parse_logfmt(logfmt_line)["a"] == "1"
    result = run_isolated(["-c", code], tmp_path, LOG_FORMAT="xml", **env)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == ["thinktank: LOG_FORMAT must be logfmt or json."]


def test_a_database_outage_is_one_line_per_request_not_a_traceback():
    def record_of(error):
        try:
            raise error
        except Exception:
            record = logging.LogRecord(
                "django.request",
                logging.ERROR,
                __file__,
                1,
                "Service Unavailable: %s",
                ("/",),
                None,
            )
            record.exc_info = sys.exc_info()
        DatabaseOutageFilter().filter(record)
        return LogfmtFormatter().format(record)

    outage = record_of(OperationalError('connection to server at "10.0.0.5" failed\nDETAIL'))
    assert "\n" not in outage
    assert parse_logfmt(outage)["msg"] == (
        "Service Unavailable: / (database unavailable: OperationalError: connection to "
        'server at "10.0.0.5" failed)'
    )
    assert "ValueError: boom" in record_of(ValueError("boom"))  # other errors keep theirs
