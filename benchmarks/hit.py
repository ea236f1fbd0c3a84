"""
A page-cache hit beside a bare Django view serving the same bytes (issue 16: a hit at
least 80 % of a bare view with Django's default middleware at -c8, p99 under 20 ms):
gunicorn, two sync workers, wrk -t2 -c8, in interleaved rounds.

    sudo .venv/bin/python benchmarks/hit.py                       # 3,000 articles
    .venv/bin/python benchmarks/hit.py --database-url postgres://... --skip-generate
    .venv/bin/python benchmarks/hit.py ... --baseline /tmp/old-checkout   # its hit beside

Servers: the site with the page cache on (the hit), the bare view behind Django's
default middleware (benchmarks/bare_default_settings.py), the bare view behind the
site's middleware (benchmarks/bare_settings.py), and with --baseline a hit served by
another checkout (an earlier commit), so that a change is measured against what it
changed in one run. See benchmarks/README.md.
"""

import argparse
import os
import shutil
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from bench import Bench, line
from cluster import (
    BenchmarkError,
    add_corpus_arguments,
    add_database_arguments,
    generate,
    log,
    manage,
    migrate,
    throwaway_cluster,
)
from load import LoadSettings, wrk_binary
from serve import log_to, sample_articles, site_environment
from servers import gunicorn, redis_server

SAMPLE, HIT_ARTICLES = 30, 10
BARE_DEFAULT = "bare view, Django's default middleware"
BARE_SITE = "bare view, the site's middleware"
HIT = "article, cache hit"
BASELINE = "article, cache hit (--baseline)"


def article_paths():
    """SAMPLE English article addresses spread over the corpus."""
    from django.urls import reverse
    from django.utils import translation

    from articles.models import Article

    with translation.override("en"):
        slugs = list(
            Article.objects.published()
            .in_language("en")
            .excluding_events()
            .order_by("pk")
            .values_list("slug", flat=True)
        )
        if len(slugs) < SAMPLE:
            raise BenchmarkError(f"only {len(slugs)} published English articles")
        slugs = slugs[:: len(slugs) // SAMPLE][:SAMPLE]
        return [reverse("articles:article-topic-or-region", kwargs={"slug": s}) for s in slugs]


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
    for name, label, module in (
        ("bare-default", BARE_DEFAULT, "benchmarks.bare_default_settings"),
        ("bare-site", BARE_SITE, "benchmarks.bare_settings"),
    ):
        # The page cache off: on, it would keep the bare view's page and serve hits.
        server_env = {**env, **bare, "DJANGO_SETTINGS_MODULE": module, "PAGE_CACHE_SECONDS": "0"}
        site = stack.enter_context(gunicorn(name, server_env, folder, ready_path=bare_path))
        bench.add(site, label, [bare_path])
    bench.add(hit, HIT, hit_paths)
    if args.baseline:
        baseline = stack.enter_context(gunicorn("baseline", env, folder, root=args.baseline))
        sample_articles(baseline, hit_paths)
        bench.add(baseline, BASELINE, hit_paths)

    before = load_average()
    log(f"\n{settings.describe()}, {settings.rounds} rounds; load average before: {before}")
    bench.run()
    after = load_average()
    measured = bench.measured()
    log(f"\nload average after: {after}")
    log(f"\n{'page':<46} {'req/s':>9} {'of default':>11} {'of site':>8}  p50 ms  p99 ms")
    default = measured[BARE_DEFAULT].result.per_second
    site = measured[BARE_SITE].result.per_second
    for label, found in measured.items():
        result = found.result
        log(
            f"{label:<46} {result.per_second:>9.1f} {result.per_second / default:>10.1%} "
            f"{result.per_second / site:>8.1%} {result.p50_ms:>7.1f} {result.p99_ms:>7.1f}"
        )
    outcomes = hit.cache_outcomes()
    log(f"\nthe hit server's request log: {dict(outcomes) or 'no cache= field'}")
    log(f"bare view: {bare_path}, {len(page):,} bytes; hits cycle through {len(hit_paths)}")
    for label, found in measured.items():
        log(line(label, found.result))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus_arguments(parser, 3000)
    add_database_arguments(parser)
    parser.add_argument("--duration", type=int, default=40, help="seconds of wrk a page (40)")
    parser.add_argument("--rounds", type=int, default=4, help="the duration in so many runs (4)")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of wrk to warm each (3)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (8)")
    parser.add_argument("--baseline", type=Path, help="another checkout, its hit measured too")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="thinktank-hit."))
    try:
        wrk_binary()
        with ExitStack() as stack:
            run(args, stack, folder)
    except BenchmarkError as error:
        sys.exit(f"hit.py: {error}\n(logs kept in {folder})")
    except KeyboardInterrupt:
        sys.exit(f"hit.py: interrupted (logs kept in {folder})")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
