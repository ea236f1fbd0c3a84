"""
A page-cache hit beside a bare Django view serving the same bytes (issue 16: a hit at
least 80 % of a bare view with Django's default middleware at -c8, p99 under 20 ms):
gunicorn, two sync workers, wrk -t2 -c8, in interleaved rounds.

    sudo .venv/bin/python benchmarks/hit.py                       # 3,000 articles
    .venv/bin/python benchmarks/hit.py --database-url postgres://... --skip-generate
    .venv/bin/python benchmarks/hit.py ... --baseline /tmp/old-checkout   # its hit beside

Servers: the site with the page cache on (the hit), the bare view behind Django's
default middleware (benchmarks/bare_default_settings.py), the same making one Redis
round trip first (a PING: the floor of any hit that asks Redis whether its page is
still good), the bare view behind the site's middleware (benchmarks/bare_settings.py),
and with --baseline a hit served by another checkout (an earlier commit), so that a
change is measured against what it changed in one run. Beside requests a second, the
CPU time each request cost its server and Redis, which other work on the machine
troubles less. See benchmarks/README.md.
"""

import argparse
import os
from pathlib import Path

from bench import Bench, line
from cluster import (
    add_corpus_arguments,
    add_database_arguments,
    generate,
    log,
    manage,
    migrate,
    throwaway_cluster,
)
from cpu import process_tree_seconds
from load import LoadSettings, run_under_load, run_wrk
from serve import english_articles, log_to, sample_articles, site_environment
from servers import gunicorn, redis_server

SAMPLE, HIT_ARTICLES = 30, 10
BARE_DEFAULT = "bare view, Django's default middleware"
BARE_PING = "bare view + a Redis round trip, default mw"
BARE_SITE = "bare view, the site's middleware"
HIT = "article, cache hit"


def article_paths():
    """SAMPLE English article addresses spread over the corpus."""
    paths = english_articles(at_least=SAMPLE)
    return paths[:: len(paths) // SAMPLE][:SAMPLE]


def load_average():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def run(args, stack, folder):
    settings = LoadSettings(args.threads, args.connections, args.duration, args.rounds)
    database_url = args.database_url or stack.enter_context(throwaway_cluster(keep=args.keep))
    redis_url = stack.enter_context(redis_server(folder))
    env = site_environment(database_url, redis_url, folder / "static", 600)
    if args.skip_generate:
        migrate(env)
    else:
        generate(args.articles, args.experts, args.seed, env=env)
    manage("collectstatic", "--noinput", "-v", "0", env=env)
    os.environ.update(env, ALLOWED_HOSTS="127.0.0.1,testserver")
    import django

    django.setup()
    log_to(folder / "this-process.log")
    paths = article_paths()

    hit = stack.enter_context(gunicorn("hit", env, folder))
    sampled = sample_articles(hit, paths)  # each a miss, kept
    _size, content_type, bare_path, page = sampled[len(sampled) // 2]
    middle = len(sampled) // 2 - HIT_ARTICLES // 2
    hit_paths = [path for _, _, path, _ in sampled[middle : middle + HIT_ARTICLES]]
    saved = folder / "article.html"
    saved.write_bytes(page)
    bare = {"BARE_PAGE": str(saved), "BARE_CONTENT_TYPE": content_type}
    bench = Bench(folder, settings, args.warmup)
    for name, label, module, ping in (
        ("bare-default", BARE_DEFAULT, "benchmarks.bare_default_settings", "0"),
        ("bare-ping", BARE_PING, "benchmarks.bare_default_settings", "1"),
        ("bare-site", BARE_SITE, "benchmarks.bare_settings", "0"),
    ):
        # The page cache off: on, it would keep the bare view's page and serve hits.
        server_env = {**env, **bare, "DJANGO_SETTINGS_MODULE": module, "PAGE_CACHE_SECONDS": "0",
                      "BARE_REDIS_PING": ping}  # fmt: skip
        site = stack.enter_context(gunicorn(name, server_env, folder, ready_path=bare_path))
        bench.add(site, label, [bare_path])
    bench.add(hit, HIT, hit_paths)
    for number, root in enumerate(args.baseline or (), start=1):
        baseline = stack.enter_context(gunicorn(f"baseline-{number}", env, folder, root=root))
        sample_articles(baseline, hit_paths)
        bench.add(baseline, f"{HIT}, {root.name}", hit_paths)

    before = load_average()
    log(f"\n{settings.describe()}, {settings.rounds} rounds; load average before: {before}")
    cpu = measure(bench, settings, redis_url)
    after = load_average()
    measured = bench.measured()
    log(f"\nload average after: {after}")
    log(f"\n{'page':<42} {'req/s':>8} {'of default':>10} {'of site':>8} {'p50 ms':>7} "
        f"{'p99 ms':>7} {'CPU µs':>7} {'of default':>10}")  # fmt: skip
    default, site = measured[BARE_DEFAULT].result, measured[BARE_SITE].result
    for label, found in measured.items():
        result = found.result
        log(
            f"{label:<42} {result.per_second:>8.1f} {result.per_second / default.per_second:>10.1%}"
            f" {result.per_second / site.per_second:>8.1%} {result.p50_ms:>7.1f}"
            f" {result.p99_ms:>7.1f} {cpu[label]:>7.0f} {cpu[label] / cpu[BARE_DEFAULT]:>10.1%}"
        )
    outcomes = hit.cache_outcomes()
    log(f"\nthe hit server's request log: {dict(outcomes) or 'no cache= field'}")
    log(f"bare view: {bare_path}, {len(page):,} bytes; hits cycle through {len(hit_paths)}")
    for label, found in measured.items():
        log(line(label, found.result))


def measure(bench, settings, redis_url):
    """Bench.run's rounds, and the CPU time a request cost its server's processes and
    Redis (µs, by label): less troubled than requests a second by other work."""
    import redis

    client = redis.Redis.from_url(redis_url)

    def redis_seconds():
        info = client.info("cpu")
        return info["used_cpu_sys"] + info["used_cpu_user"]

    spent, requests = {}, {}
    for number in range(1, settings.rounds + 1):
        log(f"\nround {number} of {settings.rounds}")
        for page in bench.pages:
            before = process_tree_seconds(page.site.process.pid) + redis_seconds()
            result = run_wrk(page.site.url, page.file, settings, offset=page.offset)
            after = process_tree_seconds(page.site.process.pid) + redis_seconds()
            page.offset += result.requests // settings.threads
            page.result.add(result)
            spent[page.label] = spent.get(page.label, 0) + after - before
            requests[page.label] = requests.get(page.label, 0) + result.requests
            log(line(page.label, result))
    return {label: spent[label] / requests[label] * 1e6 for label in spent}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus_arguments(parser, 3000)
    add_database_arguments(parser)
    parser.add_argument("--duration", type=int, default=40, help="seconds of wrk a page (40)")
    parser.add_argument("--rounds", type=int, default=4, help="the duration in so many runs (4)")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of wrk to warm each (3)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (8)")
    parser.add_argument(
        "--baseline",
        type=Path,
        action="append",
        help="another checkout, its hit beside (repeatable)",
    )
    args = parser.parse_args()
    run_under_load("hit.py", run, args)


if __name__ == "__main__":
    main()
