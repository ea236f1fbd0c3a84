"""
Requests per second and latency of the site as `make serve` serves it (gunicorn, two
sync workers, DEBUG off) on a generated corpus on PostgreSQL, measured with wrk beside
a bare Django view that returns the same bytes as the article page (the framework's
ceiling on this machine); writes benchmarks/RESULTS.md.

    sudo .venv/bin/python benchmarks/serve.py                           # 100,000 articles
    sudo .venv/bin/python benchmarks/serve.py --articles 20000 --keep   # and reuse it:
    .venv/bin/python benchmarks/serve.py --database-url postgres://... --skip-generate

Without --database-url it starts a throwaway PostgreSQL 15 cluster (benchmarks/cluster.py,
as benchmarks/run.py does; root is needed). It always starts a throwaway Redis, and
stops everything it started at the end, on an error or on Ctrl-C. See
benchmarks/README.md.
"""

import argparse
import os
import shutil
import signal
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from bench import Bench
from cluster import (
    ROOT,
    BenchmarkError,
    generate,
    log,
    manage,
    migrate,
    throwaway_cluster,
    vacuum_analyze,
)
from cpu import OtherWork, postmaster_pid
from load import LoadSettings, wrk_binary
from peer import bare_view, peer_server, prepare
from report import BARE, DEFAULT_BARE, HIT, MISS, PEER, Run, write_results
from serve_pages import (
    CARDS_KEPT,
    DEFAULT_BARE_FLOOR,
    HIT_ARTICLES,
    PARTS_ARTICLES,
    PARTS_KEPT,
    PROFILE_PARTS_KEPT,
    SEARCH_TERM,
    SWEEP,
    WARM_ARTICLES,
    beside_peer,
    corpus_pages,
    page_misses,
    sample_articles,
)
from servers import gunicorn, redis_server

# What deploy/serve.sh (`make serve`) sets beyond the defaults of thinktank/settings.py.
SERVE_ENVIRONMENT = {"DB_CONN_MAX_AGE": "60", "STATIC_STORAGE": "manifest", "SERVE_MEDIA": "1"}
PAGE_CACHE_ON = "600"  # seconds, for the server measured on a cache hit
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def site_environment(database_url, redis_url, static_root, page_cache_seconds, **extra):
    env = {**SERVE_ENVIRONMENT, **os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="thinktank.settings",
        DEBUG="0",
        HTTPS="0",
        SECRET_KEY=os.environ.get("SECRET_KEY") or "benchmarks-only-not-a-secret",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        STATIC_ROOT=str(static_root),
        PAGE_CACHE_SECONDS=str(page_cache_seconds),
        **extra,
    )
    return env


def corpus_description():
    from django.db import connection

    from articles.models import Article
    from experts.models import Expert

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    return {
        "articles": Article.objects.count(),
        "published": Article.objects.published().count(),
        "experts": Expert.objects.count(),
        "postgresql": version.split()[0],
    }


def page_cache_state(redis_url):
    """What says whether the 'hit' server can hit: the middleware, the cache, its keys."""
    import redis
    from django.conf import settings

    installed = "thinktank.cache.PageCacheMiddleware" in settings.MIDDLEWARE
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    keys = redis.Redis.from_url(redis_url).dbsize()
    return installed, backend, keys


def run(args, stack, folder):
    settings = LoadSettings(args.threads, args.connections, args.duration, args.rounds)
    database_url = args.database_url or stack.enter_context(throwaway_cluster(keep=args.keep))
    static_root = folder / "static"
    redis_url = stack.enter_context(redis_server(folder))
    env = site_environment(database_url, redis_url, static_root, 0)
    if args.skip_generate:
        migrate(env)
    else:
        generate(args.articles, args.experts, args.seed, env=env)
    peer = prepare(Path(args.peer_folder), database_url, args.peer_articles) if args.peer else None
    peer_pages = peer.pages(SEARCH_TERM) if peer else {}
    manage("collectstatic", "--noinput", "-v", "0", env=env)

    # This process reads the corpus and profiles the article page as the cache-miss
    # server sees it; its log lines go to a file, not the terminal.
    os.environ.update(env, ALLOWED_HOSTS="127.0.0.1,testserver")
    import django

    django.setup()
    log_to(folder / "this-process.log")
    vacuum_analyze()
    corpus = corpus_description()
    log(f"{corpus['articles']:,} articles ({corpus['published']:,} published)")
    pages = corpus_pages()
    bench = Bench(folder, settings, args.warmup)

    with ExitStack() as servers:
        miss = servers.enter_context(gunicorn("miss", env, folder))
        sampled = sample_articles(miss, pages["sample"])
        size, content_type, bare_path, page = sampled[len(sampled) // 2]
        middle = len(sampled) // 2 - HIT_ARTICLES // 2
        hit_paths = [path for _, _, path, _ in sampled[middle : middle + HIT_ARTICLES]]
        saved = folder / "article.html"
        saved.write_bytes(page)
        bare_env = {
            **env,
            "DJANGO_SETTINGS_MODULE": "benchmarks.bare_settings",
            "BARE_PAGE": str(saved),
            "BARE_CONTENT_TYPE": content_type,
        }
        bare = servers.enter_context(gunicorn("bare", bare_env, folder, ready_path=bare_path))
        hit_env = {**env, "PAGE_CACHE_SECONDS": PAGE_CACHE_ON}
        hit = servers.enter_context(gunicorn("hit", hit_env, folder))

        if peer:
            wagtail = servers.enter_context(peer_server(peer, folder, peer_pages["index"]))
            default_bare = servers.enter_context(bare_view(peer, folder, saved))
        else:
            wagtail = default_bare = None

        log(f"\n{settings.describe()}, {settings.rounds} rounds, after {args.warmup} s to warm")
        deep, deep_path = pages["deep"]
        labels = {
            "listing": "listing, page 1",
            "deep": "listing, page 1,000" if deep == 1000 else f"listing, page {deep} (the last)",
            "topic": f"topic page ({pages['topic'][0]})",
            "expert": pages["experts"][0][0],
            "search": f"search '{SEARCH_TERM}'",
        }
        bench.add(bare, BARE, [bare_path])
        if default_bare:
            bench.add(default_bare, DEFAULT_BARE, ["/article.html"])
        bench.add(miss, MISS, pages["timed"], pages["warm"])
        bench.add(hit, HIT, hit_paths)
        parts_paths, parts_warm = page_misses(hit, pages["timed"][:PARTS_ARTICLES])
        bench.add(hit, PARTS_KEPT, parts_paths, parts_warm)
        bench.add(miss, labels["listing"], [pages["listing"]])
        bench.add(hit, f"{labels['listing']}, {CARDS_KEPT}",
                  *page_misses(hit, [pages["listing"]]))  # fmt: skip
        bench.add(miss, labels["deep"], [deep_path], median_target=True)
        bench.add(miss, labels["topic"], [pages["topic"][1]])
        bench.add(hit, f"{labels['topic']}, {CARDS_KEPT}",
                  *page_misses(hit, [pages["topic"][1]]))  # fmt: skip
        for label, expert in pages["experts"]:
            bench.add(miss, label, [expert.get_absolute_url()])
        most_work = pages["experts"][0][1].get_absolute_url()
        bench.add(hit, f"{labels['expert']}, {PROFILE_PARTS_KEPT}",
                  *page_misses(hit, [most_work]))  # fmt: skip
        bench.add(miss, labels["search"], [pages["search"]], median_target=True)
        # A crawler: each article once, with the page cache on (the hit server), none
        # of them kept before (the parts-kept and hit rows' articles are left out).
        seen = {*hit_paths, *pages["timed"][:PARTS_ARTICLES]}
        sweep = [path for path in pages["every"] if path not in seen]
        labels["sweep"] = f"{SWEEP}, page cache on ({len(sweep) - WARM_ARTICLES:,} addresses)"
        bench.add(hit, labels["sweep"], sweep[WARM_ARTICLES:], sweep[:WARM_ARTICLES])
        pairs = beside_peer(bench, wagtail, peer_pages, labels) if wagtail else []
        started = [site.process.pid for site in (miss, bare, hit, wagtail, default_bare) if site]
        other_work = OtherWork([*started, *own_service_pids(redis_url)])
        other_work.start()
        bench.run()
        cpu_shares = other_work.stop()
        rss = {
            name: (site.worker_rss_mb(), site.peak_rss_mb)
            for name, site in (("cache miss", miss), ("cache hit", hit), ("bare view", bare),
                               (PEER, wagtail))
            if site
        }  # fmt: skip
        cache_state = (*page_cache_state(redis_url), hit.cache_outcomes())

    profile = None
    if args.profile_requests:
        from profile_article import profile_article_miss

        log(f"\nprofiling {args.profile_requests} article pages in this process (cache off)")
        profile = profile_article_miss(pages["timed"], args.profile_requests)

    outcome = Run(
        corpus=corpus,
        generated=None if args.skip_generate else (args.articles, args.experts, args.seed),
        settings=settings,
        warmup=args.warmup,
        measured=bench.measured(),
        rss=rss,
        bare=(bare_path, size, content_type),
        hit_paths=hit_paths,
        cache_state=cache_state,
        profile=profile,
        environment={name: env[name] for name in SERVE_ENVIRONMENT},
        cpu_shares=cpu_shares,
        beside_peer=pairs,
        peer_corpus=len(peer_pages["articles"]) if peer else None,
        default_bare_floor=DEFAULT_BARE_FLOOR,
        note=args.note,
    )
    write_results(outcome, Path(args.results))


def own_service_pids(redis_url):
    """The pids of Redis and of the PostgreSQL server, when they run on this machine."""
    import redis
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW data_directory")
        postgres = postmaster_pid(cursor.fetchone()[0])
    return [redis.Redis.from_url(redis_url).info("server").get("process_id"), postgres]


def log_to(path):
    """Send this process's log records (one a request profiled) to a file."""
    import logging

    stream = open(path, "a")  # noqa: SIM115 - open until the process ends
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler):
            handler.setStream(stream)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="to generate (100,000)")
    parser.add_argument("--experts", type=int, default=500, help="to generate (500)")
    parser.add_argument("--seed", type=int, default=1, help="of the generated corpus (1)")
    parser.add_argument("--duration", type=int, default=15, help="seconds of wrk a page (15)")
    parser.add_argument("--rounds", type=int, default=3, help="the duration in so many runs (3)")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of wrk to warm each (3)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    # One connection per sync worker: each worker always has a request and none waits
    # in a queue, so a page's latency is its own time under full load (with 8, the
    # median of a 40 ms page is about 160 ms: three requests queued before it).
    parser.add_argument(
        "--connections", type=int, default=2, help="wrk connections (2: one per worker)"
    )
    parser.add_argument(
        "--profile-requests", type=int, default=200, help="article pages profiled (200; 0: none)"
    )
    parser.add_argument("--database-url", help="an existing database instead of a throwaway one")
    parser.add_argument("--skip-generate", action="store_true", help="measure what is there")
    parser.add_argument(
        "--peer", action="store_true", help="measure the Wagtail peer beside, in the same rounds"
    )
    parser.add_argument(
        "--peer-articles", type=int, default=10_000, help="the peer's corpus, if generated (10,000)"
    )
    parser.add_argument(
        "--peer-folder",
        default=str(Path(tempfile.gettempdir()) / "thinktank-peer"),
        help="the peer's copy and its virtualenv, kept between runs",
    )
    parser.add_argument(
        "--keep", action="store_true", help="leave the throwaway cluster running, to reuse"
    )
    parser.add_argument(
        "--note", default="", help="a paragraph for RESULTS.md (the machine's state)"
    )
    parser.add_argument(
        "--results", default=str(ROOT / "benchmarks" / "RESULTS.md"), help="where to write"
    )
    args = parser.parse_args()

    # Ctrl-C, TERM or HUP (the terminal closed) stop everything it started; a second
    # one does not cut that short (it would leave a cluster or a server running).
    def interrupt(signum, frame):
        for name in STOP_SIGNALS:
            signal.signal(name, lambda *_: log("stopping what was started; a moment"))
        raise KeyboardInterrupt

    for name in STOP_SIGNALS:
        signal.signal(name, interrupt)
    folder = Path(tempfile.mkdtemp(prefix="thinktank-serve."))
    failed = True
    try:
        wrk_binary()
        with ExitStack() as stack:
            run(args, stack, folder)
        failed = False
    except BenchmarkError as error:
        sys.exit(f"serve.py: {error}\n(logs kept in {folder})")
    except KeyboardInterrupt:
        sys.exit(f"serve.py: interrupted; what it started is stopped (logs kept in {folder})")
    finally:
        if not failed:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
