"""
What benchmarks/editors_at_work.py found, read from the site's request log and the
editor's events, as Markdown: printed, and with --write its section of RESULTS.md.
"""

import datetime
import os
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from addresses import kind_of
from cluster import head_commit

EDITOR_HEADING = "### Editors at work (benchmarks/editors_at_work.py)"
READERS_HEADING = "### Readers alone, the page cache's ceiling (editors_at_work.py --no-editor)"
HIT_TARGET = 0.95
VISIBLE_TARGET = 1.0  # seconds
# The pages the editor looks at after each publish, in the order it is given them.
PAGE_LABELS = ("its page", "home", "listing, page 1", "its topic")
MISSED_SHOWN = 10


@dataclass
class CacheLog:
    """The page cache's outcomes of the requests logged during the measured load."""

    minutes: dict = field(default_factory=lambda: defaultdict(Counter))  # minute: outcomes
    kinds: dict = field(default_factory=lambda: defaultdict(Counter))  # kind: outcomes
    missed: Counter = field(default_factory=Counter)  # address: misses
    outcomes: Counter = field(default_factory=Counter)

    def ratio(self, outcomes=None):
        """Hits among hits and misses (bypasses, staff's requests, left out)."""
        outcomes = self.outcomes if outcomes is None else outcomes
        looked_up = outcomes["hit"] + outcomes["miss"]
        return outcomes["hit"] / looked_up if looked_up else 0.0


def read_cache_log(site, since, start, seconds, lookup):
    """The outcomes of the requests `site` logged after byte `since` and answered within
    `seconds` of `start` (Unix time), by minute from `start`, by kind of address
    (addresses.kind_of in `lookup`), and the addresses missed."""
    found = CacheLog()
    for line in site.requests(since):
        outcome = line.get("cache")
        if outcome is None or "time" not in line:
            continue
        at = datetime.datetime.fromisoformat(line["time"]).timestamp() - start
        if not 0 <= at < seconds:
            continue
        found.outcomes[outcome] += 1
        found.minutes[int(at // 60)][outcome] += 1
        found.kinds[kind_of(line, lookup)][outcome] += 1
        if outcome == "miss":
            page = f"?page={line['page']}" if "page" in line else ""
            found.missed[line.get("path", "?") + page] += 1
    return found


@dataclass
class Outcome:
    """Everything the report says."""

    editing: bool
    load_command: str
    addresses: int
    exponent: float
    warm: Counter  # status: count of the warming requests
    readers: object  # load.LoadResult
    cache: CacheLog
    events: list  # the editor's (benchmarks/editor.py), with "since_start" in seconds
    rss_now: list
    rss_peak: float
    load_before: tuple
    load_after: tuple
    corpus: dict
    generated: tuple | None  # (articles, experts, seed), or None with --skip-generate
    seconds: int


def percent(value):
    return f"{100 * value:.1f} %"


def minute_rows(outcome):
    saves, publishes = Counter(), Counter()
    for event in outcome.events:
        minute = int(event["since_start"] // 60)
        (publishes if event["kind"] == "publish" else saves)[minute] += 1
    rows = ["| minute | hits | misses | hit ratio | draft saves | publishes |",
            "|---|---:|---:|---:|---:|---:|"]  # fmt: skip
    for minute in sorted(outcome.cache.minutes):
        counts = outcome.cache.minutes[minute]
        rows.append(
            f"| {minute}-{minute + 1} | {counts['hit']:,} | {counts['miss']:,} | "
            f"{percent(outcome.cache.ratio(counts))} | {saves[minute]} | {publishes[minute]} |"
        )
    return rows


def kind_rows(cache):
    rows = ["| address | hits | misses | hit ratio |", "|---|---:|---:|---:|"]
    by_misses = sorted(cache.kinds.items(), key=lambda item: -item[1]["miss"])
    for kind, counts in by_misses:
        rows.append(
            f"| {kind} | {counts['hit']:,} | {counts['miss']:,} | {percent(cache.ratio(counts))} |"
        )
    return rows


def publish_rows(events):
    publishes = [event for event in events if event["kind"] == "publish"]
    if not publishes:
        return ["No publish was made."]
    rows = [
        "| publish at | POST s | " + " | ".join(f"{label} s" for label in PAGE_LABELS) + " |",
        "|---:|---:|" + "---:|" * len(PAGE_LABELS),
    ]
    for event in publishes:
        delays = [
            "not seen" if delay is None else f"{delay:.2f}" for delay in event["visible"].values()
        ]
        if event["outcome"] != "saved":
            delays = [event["outcome"]]
        rows.append(
            f"| {event['since_start']:.0f} s | {event['seconds']:.2f} | {' | '.join(delays)} |"
        )
    return rows


def delays(events):
    """Every seconds-to-visible of every publish (None: not seen in time)."""
    return [
        delay
        for event in events
        if event["kind"] == "publish"
        for delay in (event["visible"].values() if event["outcome"] == "saved" else [None])
    ]


def verdicts(outcome):
    hit_ratio = outcome.cache.ratio()
    met = "MET" if hit_ratio >= HIT_TARGET else "MISSED"
    lines = [f"- reader requests that were cache hits ≥ 95 %: **{met}** ({percent(hit_ratio)})"]
    if outcome.editing:
        seen = delays(outcome.events)
        late = [delay for delay in seen if delay is None or delay > VISIBLE_TARGET]
        slowest = max((delay for delay in seen if delay is not None), default=0.0)
        met = "MET" if seen and not late else "MISSED"
        lines.append(
            f"- a publish visible on every page that shows it within 1 s: **{met}** "
            f"({len(seen) - len(late)} of {len(seen)} pages in time; slowest "
            f"{slowest:.2f} s)"
        )
    return lines


def editor_summary(events):
    saves = [event for event in events if event["kind"] == "save"]
    saved = [event for event in saves if event["outcome"] == "saved"]
    others = Counter(event["outcome"] for event in events if event["outcome"] != "saved")
    post = statistics.median(event["seconds"] for event in saved) if saved else 0.0
    text = f"The editor: {len(saves)} draft saves ({len(saved)} saved, median POST {post:.2f} s)"
    late = max((event["late"] for event in events), default=0.0)
    text += f"; steps at most {late:.1f} s behind their schedule"
    if others:
        text += "; failed: " + ", ".join(f"{n} {what}" for what, n in others.items())
    return text + "."


def report(outcome):
    """The Markdown of the run: its settings, the figures, the targets."""
    readers, cache = outcome.readers, outcome.cache
    load = ", ".join(f"{value:.1f}" for value in outcome.load_before)
    after = ", ".join(f"{value:.1f}" for value in outcome.load_after)
    corpus = outcome.corpus
    lines = [
        f"Commit {head_commit()}, {os.cpu_count()} CPUs, "
        f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC; the machine's load "
        f"average (1, 5, 15 min) {load} before the load and {after} after it.",
        "",
        f"The corpus: {corpus['articles']:,} articles ({corpus['published']:,} published), "
        f"{corpus['experts']:,} experts, PostgreSQL {corpus['postgresql']}"
        + (
            f" (`generate_corpus --articles {outcome.generated[0]} --experts "
            f"{outcome.generated[1]} --seed {outcome.generated[2]}`)."
            if outcome.generated
            else "."
        ),
        "",
        f"Readers: `{outcome.load_command}` for {outcome.seconds} s, over {outcome.addresses:,} "
        f"addresses drawn with Zipf's law (s = {outcome.exponent}), each address requested "
        f"once before to warm the cache ({dict(outcome.warm)} by status). "
        f"{readers.requests:,} requests ({readers.per_second:,.0f} a second, "
        f"{readers.errors} errors), p50 {readers.p50_ms:.1f} ms, p99 {readers.p99_ms:.1f} ms.",
        "",
        f"Page cache: {percent(cache.ratio())} hits ({cache.outcomes['hit']:,} hits, "
        f"{cache.outcomes['miss']:,} misses, {cache.outcomes['bypass']:,} bypassed).",
        "",
        *minute_rows(outcome),
        "",
    ]
    if outcome.editing:
        lines += [editor_summary(outcome.events), "", *publish_rows(outcome.events), ""]
    else:
        lines += ["No editor: the readers alone.", ""]
    lines += [
        'By kind of address (most misses first; "other": the editor\'s looks at what it'
        " published):",
        "",
        *kind_rows(cache),
        "",
        "The addresses missed most: "
        + ", ".join(f"`{path}` ({n})" for path, n in cache.missed.most_common(MISSED_SHOWN))
        + ".",
        "",
        "Workers' RSS: "
        + ", ".join(f"{size:.0f}" for size in outcome.rss_now)
        + f" MB at the end, {outcome.rss_peak:.0f} MB at most.",
        "",
        "Targets (issue 16, editors at work):",
        "",
        *verdicts(outcome),
    ]
    return "\n".join(lines) + "\n"


def section(outcome, note=""):
    """(heading, the report under it) for RESULTS.md (cluster.write_section)."""
    heading = EDITOR_HEADING if outcome.editing else READERS_HEADING
    command = "--write" if outcome.editing else "--no-editor --write"
    text = f"{heading}\n\nWritten by `benchmarks/editors_at_work.py {command}`. "
    text += report(outcome)
    return heading, text + (f"\n{note}\n" if note else "")
