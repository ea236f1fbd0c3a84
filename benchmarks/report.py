"""
What benchmarks/serve.py measured, as a table on the terminal and benchmarks/RESULTS.md:
each page's requests per second as a share of the bare view's, the workers' memory,
the targets of issue 7 met or missed, and the article page's profile.
"""

import datetime
import os
import platform
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from cluster import OTHER_FIGURES, ROOT, log
from servers import GUNICORN_CONFIG, WORKERS

BARE = "bare view, same bytes"
MISS = "article, cache miss"
HIT = "article, cache hit"
PEER = "Wagtail peer"
DEFAULT_BARE = "bare view, Django's default middleware, same bytes"
RSS_LIMIT_MB = 80
MEDIAN_LIMIT_MS = 50


@dataclass
class Measured:
    label: str
    result: object  # load.LoadResult, or None when the page could not be measured
    note: str = ""
    paths: int = 1
    median_target: bool = False  # the page's median is held to MEDIAN_LIMIT_MS


@dataclass
class Run:
    corpus: dict
    generated: tuple | None  # (articles, experts, seed) when this run generated it
    settings: object  # load.LoadSettings
    warmup: int
    measured: dict  # label: Measured, in the order measured
    rss: dict  # server: ([MB of each worker after its run], the largest MB seen during it)
    bare: tuple  # (path, bytes, content type)
    hit_paths: list
    cache_state: tuple  # (middleware installed, backend, keys in Redis, {log's outcome: count})
    profile: object = None  # profile_article.Profile
    environment: dict = field(default_factory=dict)
    cpu_shares: tuple = (0.0, 0.0)  # of the machine's CPU while measuring: (others, this run)
    beside_peer: list = field(default_factory=list)  # (project's label, peer's label, floor)
    peer_corpus: int | None = None  # the peer's English articles, when it was measured
    default_bare_floor: float = 0.80  # of DEFAULT_BARE, for the hit
    note: str = ""


def _output(*command):
    try:
        return subprocess.run(  # noqa: S603
            command, capture_output=True, text=True, cwd=ROOT, timeout=30
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine():
    cpuinfo = Path("/proc/cpuinfo").read_text()
    models = [
        line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line
    ]
    memory = next(
        (line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
         if line.startswith("MemTotal:")),
        "0",
    )  # fmt: skip
    return {
        "cpus": os.cpu_count(),
        "model": models[0] if models else platform.processor() or "unknown",
        "memory_gb": int(memory) / 1024 / 1024,
        "kernel": platform.release(),
    }


def versions():
    import django
    import gunicorn

    return {
        "Python": platform.python_version(),
        "Django": django.get_version(),
        "gunicorn": gunicorn.__version__,
        "Redis": _output("redis-server", "--version").split(" v=")[-1].split()[0] or "?",
        "wrk": _output("wrk", "--version").split()[1] if _output("wrk", "--version") else "?",
    }


def commit():
    head = _output("git", "-c", f"safe.directory={ROOT}", "rev-parse", "--short", "HEAD")
    changed = _output("git", "-c", f"safe.directory={ROOT}", "status", "--porcelain", "-uno")
    count = len(changed.splitlines()) if changed else 0
    suffix = f" with uncommitted changes in {count} files" if count else ""
    return (head or "unknown") + suffix


def share(run, label, of=BARE):
    """The requests per second of the page `label` ÷ those of the page `of`, or None."""
    base, page = run.measured.get(of), run.measured.get(label)
    if not (base and base.result and page and page.result and base.result.per_second):
        return None
    return page.result.per_second / base.result.per_second


def peer_lines(run):
    """The section setting the project's pages beside the Wagtail peer's, or []."""
    if not run.beside_peer:
        return []
    lines = [
        "## Beside the Wagtail peer (issue 16)",
        "",
        f"The peer (`../shared/peers/wagtail`, {run.peer_corpus:,} English articles in its "
        "own database on the same PostgreSQL server) under gunicorn with the same "
        "two sync workers, measured in the same rounds as the project's pages. It keeps "
        "no page, so each of its requests renders. Targets: 2.5× for the project's pages "
        "with the page cache off (every cache empty), 5× for its page misses with their "
        "parts kept and for the crawler's sweep; a page measured only cold is held to "
        "2.5× (a page miss with parts kept is no slower). The peer's expert profile lists "
        "10 pieces, the project's a page of 20 with the expert's topics and counts.",
        "",
        "| the project's page | req/s | the peer's page | req/s | project ÷ peer | target | met |",
        "|---|---:|---|---:|---:|---:|---|",
    ]
    for project, peer, floor in run.beside_peer:
        ratio = share(run, project, of=peer)
        mine, theirs = run.measured[project].result, run.measured[peer].result
        lines.append(
            f"| {project} | {mine.per_second if mine else 0:,.1f} | "
            f"{peer.removeprefix(PEER + ': ')} | {theirs.per_second if theirs else 0:,.1f} | "
            f"{f'{ratio:.1f}×' if ratio else 'not measured'} | {floor:g}× | "
            f"{'yes' if ratio and ratio >= floor else '**no**'} |"
        )
    ratio = share(run, HIT, of=DEFAULT_BARE)
    if ratio is not None:
        hit = run.measured[HIT].result
        met = ratio >= run.default_bare_floor
        lines += [
            "",
            f"A page-cache hit against the peer's `site/bare.py` (Django's default middleware) "
            f"serving the same bytes: **{ratio:.1%}** (target {run.default_bare_floor:.0%}: "
            f"{'met' if met else 'missed'}), p99 {hit.p99_ms:.1f} ms.",
        ]
    return lines + [""]


def targets(run):
    """(target, measured, met) of each of issue 7's targets."""
    rows = []
    for label, floor in ((MISS, 0.11), (HIT, 0.80)):
        ratio = share(run, label)
        measured = f"{ratio:.1%}" if ratio is not None else "not measured"
        rows.append((f"{label}: at least {floor:.0%} of the bare view", measured,
                     ratio is not None and ratio >= floor))  # fmt: skip
    for label, page in run.measured.items():
        if page.median_target:
            p50 = page.result.p50_ms if page.result else None
            rows.append((f"{label}: median under {MEDIAN_LIMIT_MS} ms",
                         f"{p50:.1f} ms" if p50 is not None else "not measured",
                         p50 is not None and p50 < MEDIAN_LIMIT_MS))  # fmt: skip
    peaks = [
        peak for server, (_, peak) in run.rss.items() if server not in ("bare view", PEER) and peak
    ]
    largest = max(peaks, default=None)
    rows.append((f"worker RSS under {RSS_LIMIT_MB} MB",
                 f"{largest:.1f} MB (the largest seen)" if largest else "not read",
                 largest is not None and largest < RSS_LIMIT_MB))  # fmt: skip
    return rows


def table(run):
    lines = [
        "| page | requests/s | of the bare view | p50 ms | p99 ms | KB a response | note |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for label, page in run.measured.items():
        if page.result is None:
            lines.append(f"| {label} | | | | | | not measured: {page.note} |")
            continue
        result = page.result
        ratio = None if label.startswith(PEER) or label == DEFAULT_BARE else share(run, label)
        note = page.note
        if page.paths > 1:
            note = ", ".join(filter(None, [f"cycling through {page.paths:,} addresses", note]))
        lines.append(
            f"| {label} | {result.per_second:,.1f} | {f'{ratio:.1%}' if ratio else ''} | "
            f"{result.p50_ms:.1f} | {result.p99_ms:.1f} | "
            f"{result.bytes_per_response / 1024:.1f} | {note} |"
        )
    return lines


def profile_lines(profile):
    if profile is None:
        return []
    lines = [
        "## Where the article page's time goes (cache miss)",
        "",
        f"{profile.requests} article pages requested in one process with Django's test "
        "client (no web server, the page cache off): a median of "
        f"**{profile.wall_ms:.1f} ms** a page, of which {profile.sql_ms:.1f} ms waiting "
        f"on the {profile.queries:.1f} queries. Under cProfile (which slows Python code "
        "down, so read the shares), per page:",
        "",
        "| part | ms a page (profiled) | share of the request |",
        "|---|---:|---:|",
    ]
    lines += [f"| {label} | {ms:.1f} | {ratio:.0%} |" for label, ms, ratio in profile.parts]
    lines += ["", "The project's functions by cumulative time (ms a page, profiled):", ""]
    lines += [f"- `{name}`: {ms:.2f}" for name, ms in profile.top_project]
    lines += ["", "Every function by its own time (ms a page, profiled):", ""]
    lines += [f"- `{name}`: {ms:.2f}" for name, ms in profile.top_self]
    return lines


def kept_sections(path):
    """The part of RESULTS.md other scripts wrote (from OTHER_FIGURES on), or ""."""
    text = path.read_text() if path.exists() else ""
    start = text.find(f"\n{OTHER_FIGURES}\n")
    return text[start:] if start >= 0 else ""


def write_results(run, path):
    host, when = machine(), datetime.datetime.now(datetime.UTC)
    corpus, settings, (bare_path, bare_bytes, content_type) = run.corpus, run.settings, run.bare
    installed, backend, keys, outcomes = run.cache_state
    told = ", ".join(f"{count:,} {outcome}" for outcome, count in outcomes.most_common())
    config = f"`{GUNICORN_CONFIG.relative_to(ROOT)}` with" if GUNICORN_CONFIG.exists() else "flags"
    generated = (
        f" (generated by this run: `generate_corpus --articles {run.generated[0]} "
        f"--experts {run.generated[1]} --seed {run.generated[2]}`)"
        if run.generated
        else " (already in the database)"
    )
    environment = ", ".join(f"{name}={value}" for name, value in run.environment.items())
    lines = [
        "# Serving benchmark",
        "",
        f"Written by `benchmarks/serve.py` on {when:%Y-%m-%d %H:%M} UTC; run it again to "
        "replace this file (benchmarks/README.md).",
        "",
        f"- **Machine**: {host['cpus']} CPUs ({host['model']}), "
        f"{host['memory_gb']:.1f} GB of memory, Linux {host['kernel']}. While the rounds "
        f"ran, other work used {run.cpu_shares[0]:.0%} of the machine's CPU time and this "
        f"run {run.cpu_shares[1]:.0%} (its servers, Redis, PostgreSQL, wrk): "
        + ("a quiet machine." if run.cpu_shares[0] < 0.05 else "**not a quiet machine**."),
        f"- **Commit**: {commit()}.",
        f"- **Corpus**: {corpus['articles']:,} articles, {corpus['published']:,} published, "
        f"{corpus['experts']:,} experts{generated}; PostgreSQL {corpus['postgresql']} "
        "(a throwaway cluster: default settings, durability off).",
        f"- **Server**: gunicorn, {WORKERS} sync workers ({config} "
        f"`--workers {WORKERS} --worker-class sync`), DEBUG=0, HTTPS=0, {environment}, "
        "static files collected; Redis as the shared cache. The cache miss and the other "
        "pages with PAGE_CACHE_SECONDS=0, the cache hit with the page cache on.",
        f"- **Load**: `{settings.describe()}` on each page in each of {settings.rounds} "
        "rounds that take the pages in turn (so that what else the machine does falls on "
        "every page alike), after "
        f"{run.warmup} s of the same load to warm each (the article on a miss warms on "
        "other articles than it times). "
        f"wrk and gunicorn share the machine's {host['cpus']} CPUs, so a figure is what "
        "the whole machine does, the load generator included, not a server alone.",
        f"- **Bare view**: `benchmarks/bare_urls.py` returns the saved bytes of "
        f"`{bare_path}` ({bare_bytes / 1024:.1f} KB, `{content_type}`, the median size "
        "of 50 article pages) with the same settings, middleware and server, and no query.",
        f"- **Cache hit**: {len(run.hit_paths)} articles near that size, each fetched once "
        "first; the page cache "
        + (
            f"is in the middleware, on {backend}, {keys} keys in Redis after the run; the "
            f"request log of that server says {told or 'nothing of the page cache'} "
            "(warming included)."
            if installed
            else "middleware (thinktank.cache.PageCacheMiddleware) is not in MIDDLEWARE: "
            "these are misses."
        ),
        *([f"\n{run.note}"] if run.note else []),
        "",
        *table(run),
        "",
        "Worker memory (VmRSS of each gunicorn worker in /proc/<pid>/status, MB) after "
        "its server's last page, and the largest sampled every 0.25 s while wrk ran: "
        + "; ".join(
            f"{server}: {', '.join(f'{mb:.1f}' for mb in sizes) or 'not read'} (largest {peak:.1f})"
            for server, (sizes, peak) in run.rss.items()
        )
        + ". A worker replaced by gunicorn's `max_requests` during a fast page's run "
        "is young when read after it; the largest sampled counts for the target.",
        "",
        "## Targets (issue 7)",
        "",
        "| target | measured | met |",
        "|---|---:|---|",
        *(
            f"| {target} | {measured} | {'yes' if met else '**no**'} |"
            for target, measured, met in targets(run)
        ),  # fmt: skip
        "",
        'benchmarks/README.md, "Where the time goes", reads the profiles of the pages.',
        "",
        *peer_lines(run),
        *profile_lines(run.profile),
    ]
    text = "\n".join(lines).rstrip() + "\n"
    path.write_text(text + kept_sections(path))
    log("\n" + text)
    log(f"written to {path}")
