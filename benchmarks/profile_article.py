"""
Where an article page's time goes on a cache miss: requests in this process (Django's
test Client, the page cache off, DEBUG off), first timed with the database's share
measured around each query, then under cProfile, summed by the parts of a request.
Needs Django set up in this process with the site's settings.
"""

import cProfile
import importlib
import pstats
import statistics
import time
from dataclasses import dataclass, field

from cluster import ROOT

# The parts of a request, each the cumulative time of the function named (module:
# qualified name); cProfile counts the outermost of recursive calls (includes) once.
# The parts overlap: queries run inside the view and inside templates.
PARTS = [
    ("the whole request (middleware, view)", "django.core.handlers.base:BaseHandler.get_response"),
    ("the view, its template included", None),  # the view the article's URL resolves to
    ("rendering templates (lazy queries included)", "django.template.base:Template.render"),
    ("SQL: executing queries", "django.db.backends.utils:CursorWrapper._execute"),
    ("SQL: reading rows (psycopg)", "psycopg:Cursor.fetchmany"),
    ("SQL: compiling queries", "django.db.models.sql.compiler:SQLCompiler.as_sql"),
    ("ORM: rows into model instances", "django.db.models.base:Model.from_db"),
    ("ORM: prefetching related objects", "django.db.models.query:prefetch_related_objects"),
    ("reversing URLs", "django.urls.base:reverse"),
    ("translation lookups (gettext)", "django.utils.translation.trans_real:gettext"),
]  # fmt: skip


def _code_key(function):
    code = getattr(function, "__code__", None) or getattr(
        getattr(function, "__func__", None), "__code__", None
    )
    return (code.co_filename, code.co_firstlineno, code.co_name) if code else None


def _resolve(name):
    module, _, qualified = name.partition(":")
    target = importlib.import_module(module)
    for part in qualified.split("."):
        target = getattr(target, part, None)
    return _code_key(target)


@dataclass
class Profile:
    requests: int
    wall_ms: float  # median per request, without the profiler
    sql_ms: float  # median per request of the time spent in queries
    queries: float  # mean per request
    parts: list = field(default_factory=list)  # (label, ms per request under cProfile, share)
    top_project: list = field(default_factory=list)  # (function, cumulative ms per request)
    top_self: list = field(default_factory=list)  # (function, own ms per request)


def _name(key):
    filename, line, function = key
    for prefix in (str(ROOT) + "/", "site-packages/"):
        if prefix in filename:
            filename = filename.split(prefix, 1)[1]
    return f"{filename}:{line} {function}"


def _cumulative(stats, key):
    entry = stats.stats.get(key)
    return entry[3] if entry else 0.0


def profile_article_miss(paths, requests=200, warmup=20):
    """A Profile of `requests` GETs cycling through `paths` (article pages)."""
    from django.db import connection
    from django.test import Client
    from django.urls import resolve

    client = Client()
    for path in paths[-warmup:]:
        client.get(path)
    timed = paths[:requests] if len(paths) >= requests else (paths * requests)[:requests]

    walls, sqls, counts = [], [], []
    for path in timed:
        spent = []

        def timer(execute, sql, params, many, context, spent=spent):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                spent.append(time.perf_counter() - started)

        started = time.perf_counter()
        with connection.execute_wrapper(timer):
            response = client.get(path)
        walls.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}")
        sqls.append(sum(spent) * 1000)
        counts.append(len(spent))

    profiler = cProfile.Profile()
    profiler.enable()
    for path in timed:
        client.get(path)
    profiler.disable()
    stats = pstats.Stats(profiler)

    whole = _cumulative(stats, _resolve(PARTS[0][1])) or 1e-9
    result = Profile(
        requests=len(timed),
        wall_ms=statistics.median(walls),
        sql_ms=statistics.median(sqls),
        queries=statistics.mean(counts),
    )
    for label, name in PARTS:
        key = _resolve(name) if name else _code_key(resolve(timed[0]).func)
        if key is None:
            continue
        seconds = _cumulative(stats, key)
        result.parts.append((label, seconds * 1000 / len(timed), seconds / whole))
    project = [
        (key, entry)
        for key, entry in stats.stats.items()
        if key[0].startswith(str(ROOT)) and "/.venv/" not in key[0]
    ]
    project.sort(key=lambda item: -item[1][3])
    result.top_project = [(_name(key), entry[3] * 1000 / len(timed)) for key, entry in project[:20]]
    own = sorted(stats.stats.items(), key=lambda item: -item[1][2])[:15]
    result.top_self = [(_name(key), entry[2] * 1000 / len(timed)) for key, entry in own]
    return result
