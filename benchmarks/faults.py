"""
The site under a steady load while its database, then its cache, go away and come back.

    sudo .venv/bin/python benchmarks/faults.py
    sudo .venv/bin/python benchmarks/faults.py --phase 10 --outage 5 --threads 4

It starts a throwaway PostgreSQL, Redis, the demo and gunicorn as production runs it
(benchmarks/livesite.py). Threads request pages the page cache may answer and searches
it cannot; each response's status, latency and kind (styled page, traceback, unstyled
text) is kept by phase:

    baseline · PostgreSQL stopped (pg_ctl stop -m fast, down --outage seconds) ·
    PostgreSQL back · Redis stopped · Redis back · final baseline

It prints a table of phases by outcome and the recovery time, and exits with 1 when a
requirement is broken (benchmarks/README.md, "Surviving faults"): while the database is
down, a styled 503 or a page from the cache, never a traceback or a 500; an uncached
page answered within 5 s of the database accepting connections again, and every request
sent after those 5 s answered; without Redis, every page served, with no error.
"""

import argparse
import http.client
import re
import statistics
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

from cluster import BenchmarkError, log
from livesite import TIMEOUT, Cache, Database, live_site
from servers import get, tail

RECOVERY_LIMIT = 5.0  # seconds from the database accepting connections to pages again


def fetch(port, path):
    """(status or None, body, seconds) of a GET; None when no answer came."""
    started = time.monotonic()
    try:
        status, _, body = get(port, path, timeout=TIMEOUT)
    except (OSError, http.client.HTTPException) as error:
        return None, repr(error).encode(), time.monotonic() - started
    return status, body, time.monotonic() - started


# --- what a response is -------------------------------------------------------------------

TRACEBACK_SIGNS = (
    b"Traceback (most recent call last)",
    b'id="traceback"',  # Django's technical 500 page
    b"Exception Value:",
)
# The site's own stylesheet (css/site.css, or its fingerprinted name), linked by every
# page and by the error pages.
STYLED = re.compile(rb'<link[^>]*href="[^"]*/css/site\.(?:[0-9a-f]+\.)?css"')

OK_CACHEABLE, OK_UNIQUE = "200 cacheable", "200 unique"
STYLED_503, OTHER = "503 styled", "other status"
NO_ANSWER, BROKEN = "connection error", "traceback/unstyled"
OUTCOMES = (OK_CACHEABLE, OK_UNIQUE, STYLED_503, OTHER, NO_ANSWER, BROKEN)


def outcome(kind, status, body):
    if status is None:
        return NO_ANSWER
    if any(sign in body for sign in TRACEBACK_SIGNS) or not STYLED.search(body):
        return BROKEN
    if status == 200:
        return OK_UNIQUE if kind == "unique" else OK_CACHEABLE
    return STYLED_503 if status == 503 else OTHER


# --- the load -----------------------------------------------------------------------------

# Searches no one asked before: a common word minus a word that is never there, so a
# real list of results is ranked each time, and the page cache cannot have it.
SEARCH_WORDS = ("iran", "gulf", "sanctions", "oil", "militias", "reform", "russia", "lebanon")


def cacheable_paths(port):
    """Pages of the demo the page cache may answer: read from the site itself."""
    status, listing, _ = fetch(port, "/policy-analysis")
    _, directory, _ = fetch(port, "/experts")
    if status != 200:
        raise BenchmarkError(f"the listing answered {status} before any fault")
    articles = dict.fromkeys(re.findall(rb'href="(/policy-analysis/[a-z0-9-]+)"', listing))
    experts = dict.fromkeys(re.findall(rb'href="(/experts/[a-z0-9-]+)"', directory))
    return [
        "/",
        "/ar/",
        "/policy-analysis",
        "/policy-analysis?page=2",
        "/search?q=iran",
        "/search?q=gulf+security",
        *(path.decode() for path in list(articles)[:8]),
        *(path.decode() for path in list(experts)[:3]),
    ]


@dataclass
class Answer:
    phase: str
    kind: str  # "cacheable" or "unique"
    path: str
    sent: float  # time.monotonic()
    received: float
    status: int | None
    outcome: str
    body: bytes = field(repr=False, default=b"")  # kept only when it went wrong


class Load:
    """`threads` clients requesting a mix of pages until stopped; answers kept by phase."""

    def __init__(self, port, paths, threads, pause):
        self.port, self.paths, self.pause = port, paths, pause
        self.phase = "baseline"
        self.answers = []
        self.searches = iter(range(10**9))
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.client, args=(n,)) for n in range(threads)]

    def next_path(self, turn, offset):
        if turn % 3 == 2:  # one request in three cannot come from the cache
            number = next(self.searches)
            word = SEARCH_WORDS[number % len(SEARCH_WORDS)]
            return "unique", f"/search?q={word}+-zz{number}"
        return "cacheable", self.paths[(turn + offset) % len(self.paths)]

    def client(self, number):
        turn = 0
        while not self.stopping.is_set():
            kind, path = self.next_path(turn, number * 5)
            turn += 1
            sent = time.monotonic()
            status, body, _ = fetch(self.port, path)
            received = time.monotonic()
            result = outcome(kind, status, body)
            kept = body if result not in (OK_CACHEABLE, OK_UNIQUE) else b""
            self.answers.append(
                Answer(self.phase, kind, path, sent, received, status, result, kept[:2000])
            )
            self.stopping.wait(self.pause)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join()


# --- the run ------------------------------------------------------------------------------


PHASES = (
    "baseline",
    "PostgreSQL stopped",
    "PostgreSQL back",
    "Redis stopped",
    "Redis back",
    "final baseline",
)


@dataclass
class Timeline:
    database_down: float = 0.0  # pg_ctl stop returned
    database_start: float = 0.0  # pg_ctl start sent
    database_up: float = 0.0  # the first connection accepted again


def run_phases(site, load, seconds, outage):
    database, cache = Database(site.database_url), Cache(site.redis_url, site.folder)
    timeline = Timeline()
    try:
        for phase in PHASES:
            load.phase = phase
            log(f"  {phase}")
            if phase == "PostgreSQL stopped":
                database.stop()
                timeline.database_down = time.monotonic()
                time.sleep(outage)
                continue
            if phase == "PostgreSQL back":
                timeline.database_start = time.monotonic()
                database.start()
                timeline.database_up = database.wait_until_accepting()
                time.sleep(max(0.0, seconds - (time.monotonic() - timeline.database_start)))
                continue
            if phase == "Redis stopped":
                cache.stop()
            elif phase == "Redis back":
                cache.start()
            time.sleep(seconds)
    finally:
        database.ensure_running()  # the cluster's own teardown stops it
        cache.close()
    return timeline


# --- the report ---------------------------------------------------------------------------


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def table(answers):
    rows = [["phase", "answers", *OUTCOMES, "p50 ms", "p95 ms", "max ms"]]
    for phase in PHASES:
        answered = [answer for answer in answers if answer.phase == phase]
        counts = Counter(answer.outcome for answer in answered)
        times = [(answer.received - answer.sent) * 1000 for answer in answered] or [0.0]
        rows.append(
            [
                phase,
                str(len(answered)),
                *(str(counts[name]) for name in OUTCOMES),
                f"{statistics.median(times):.0f}",
                f"{percentile(times, 0.95):.0f}",
                f"{max(times):.0f}",
            ]
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return "\n".join(
        "  ".join(
            cell.ljust(width) if column == 0 else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    )


def details(answers):
    """What the unexpected answers were: statuses by phase, and one body of each kind."""
    lines = []
    statuses = Counter((a.phase, a.status) for a in answers if a.outcome in (OTHER, BROKEN))
    for (phase, status), count in sorted(statuses.items(), key=str):
        lines.append(f"  {phase}: {count} answered {status}")
    seen = set()
    for answer in answers:
        key = (answer.outcome, answer.status)
        if answer.outcome in (OTHER, BROKEN, NO_ANSWER) and key not in seen:
            seen.add(key)
            text = answer.body.decode(errors="replace").strip()
            excerpt = re.sub(r"\s+", " ", text)[:300]
            lines.append(
                f"  first {answer.outcome} ({answer.status}) in {answer.phase!r}, "
                f"GET {answer.path}:\n    {excerpt}"
            )
    return lines


def recovery(answers, timeline):
    """(seconds to the first uncached page, seconds after which every request succeeded)."""
    up = timeline.database_up
    firsts = [
        a.received - up
        for a in answers
        if a.kind == "unique" and a.status == 200 and a.received > up
    ]
    failed_after = [
        a.sent - up
        for a in answers
        if a.phase == "PostgreSQL back" and a.outcome not in (OK_CACHEABLE, OK_UNIQUE)
    ]
    first = max(0.0, min(firsts)) if firsts else None
    return first, max(failed_after, default=None)


def last_failure_text(last_failure):
    if last_failure is None:
        return "no request failed after the restart"
    when = "after" if last_failure >= 0 else "before"
    return f"the last failed request was sent {abs(last_failure):.2f} s {when} that"


def requirements(answers, timeline):
    """[(requirement, met, what was seen)]."""

    def in_phases(*phases):
        return [answer for answer in answers if answer.phase in phases]

    def counted(rows, *names):
        return sum(1 for answer in rows if answer.outcome in names)

    steady = in_phases("baseline", "Redis stopped", "Redis back", "final baseline")
    outage = in_phases("PostgreSQL stopped")
    back = in_phases("PostgreSQL back")
    first, last_failure = recovery(answers, timeline)
    late = [a for a in back if a.sent - timeline.database_up > RECOVERY_LIMIT and a.status != 200]
    # Sent while the database was surely down (an answer to one sent before the stop may
    # arrive in the outage, rendered from the database just before).
    uncached_outage = [
        a
        for a in answers
        if a.kind == "unique" and timeline.database_down <= a.sent < timeline.database_start
    ]
    wrong_in_outage = len(outage) - counted(outage, OK_CACHEABLE, OK_UNIQUE, STYLED_503)
    return [
        (
            "no traceback or unstyled error page, ever",
            counted(answers, BROKEN) == 0,
            f"{counted(answers, BROKEN)} seen",
        ),
        (
            "with the database and Redis up or Redis down: every page answered 200",
            all(a.status == 200 for a in steady),
            f"{sum(a.status != 200 for a in steady)} of {len(steady)} not 200",
        ),
        (
            "database down: a styled 503 or a cached 200, nothing else",
            wrong_in_outage == 0
            and bool(uncached_outage)
            and counted(uncached_outage, STYLED_503) == len(uncached_outage),
            f"{wrong_in_outage} of {len(outage)} otherwise; "
            f"{counted(uncached_outage, STYLED_503)} of the {len(uncached_outage)} uncached "
            "requests sent while it was down answered a styled 503",
        ),
        (
            "database back: only 200 or a styled 503",
            counted(back, OTHER, NO_ANSWER, BROKEN) == 0,
            f"{counted(back, OTHER, NO_ANSWER, BROKEN)} otherwise",
        ),
        (
            f"an uncached page within {RECOVERY_LIMIT:.0f} s of the database accepting connections",
            first is not None and first <= RECOVERY_LIMIT,
            "never" if first is None else f"{first:.2f} s",
        ),
        (
            f"every request sent {RECOVERY_LIMIT:.0f} s after the database came back answered 200",
            not late,
            f"{len(late)} not; {last_failure_text(last_failure)}",
        ),
    ]


def server_log_summary(logfile):
    """Tracebacks and worker (re)starts in gunicorn's log, for the note (not a requirement)."""
    text = tail(logfile, lines=100_000)
    errors = Counter(
        line.strip()
        for line in re.findall(r"^(?:\w+\.)*\w+(?:Error|Exception): .*$", text, re.MULTILINE)
    )
    boots = len(re.findall(r"Booting worker", text))
    lines = [f"gunicorn's log: {boots} worker boot(s), {text.count('Traceback')} traceback(s)"]
    lines += [f"  {count} x {line[:160]}" for line, count in errors.most_common(6)]
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phase", type=float, default=10, help="seconds of each phase")
    parser.add_argument("--outage", type=float, default=5, help="seconds PostgreSQL stays down")
    parser.add_argument("--threads", type=int, default=4, help="clients requesting pages")
    parser.add_argument("--pause", type=float, default=0.02, help="seconds between requests")
    args = parser.parse_args()
    try:
        with live_site("faults") as site:
            paths = cacheable_paths(site.port)
            log(f"{args.threads} clients on {len(paths)} cacheable pages and unique searches")
            with Load(site.port, paths, args.threads, args.pause) as load:
                timeline = run_phases(site, load, args.phase, args.outage)
            answers = load.answers
            log_lines = server_log_summary(site.server.logfile)
    except BenchmarkError as error:
        sys.exit(f"faults: {error}")

    log("\n" + table(answers))
    first, last_failure = recovery(answers, timeline)
    log(
        f"\nPostgreSQL accepted connections {timeline.database_up - timeline.database_start:.2f} s"
        f" after pg_ctl start (down {timeline.database_start - timeline.database_down:.1f} s);"
        " the first uncached page answered 200 "
        + ("never" if first is None else f"{first:.2f} s")
        + f" after that; {last_failure_text(last_failure)}"
    )
    unexpected = details(answers)
    if unexpected:
        log("\nUnexpected answers:")
        log("\n".join(unexpected))
    log("\n" + "\n".join(log_lines))
    results = requirements(answers, timeline)
    log("\nRequirements:")
    for text, met, seen in results:
        log(f"  {'PASS' if met else 'FAIL'}  {text}: {seen}")
    sys.exit(0 if all(met for _, met, _ in results) else 1)


if __name__ == "__main__":
    main()
