"""
Server times of the public pages on a generated corpus, on PostgreSQL.

    .venv/bin/python benchmarks/run.py                    # a throwaway cluster, 100,000 articles
    .venv/bin/python benchmarks/run.py --articles 20000   # quicker
    .venv/bin/python benchmarks/run.py --database-url postgres://... --skip-generate

Without --database-url it starts a throwaway PostgreSQL 15 cluster as .ci/run does
(initdb as the postgres user in a temporary folder, a free loopback port; root is
needed for that), migrates it, times `generate_corpus`, measures, then stops the
cluster and removes it. Pages are requested with Django's test Client in this process,
with DEBUG off: the times are the server's (URL resolving, middleware, queries,
templates), without a network or a web server in front. See benchmarks/README.md.
"""

import argparse
import statistics
import time

from cluster import (
    add_database_arguments,
    generate,
    log,
    migrate,
    run_on_database,
    vacuum_analyze,
)

# --- measuring --------------------------------------------------------------------------


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure(client, urls, requests, warmup=3):
    """(median ms, 95th percentile ms, queries, status) of GETs cycling through `urls`."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for url in urls[:warmup]:
        client.get(url)
    times, status = [], None
    for index in range(requests):
        url = urls[index % len(urls)]
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        status = response.status_code
        if status != 200:
            break
    with CaptureQueriesContext(connection) as queries:
        client.get(urls[0])
    return statistics.median(times), percentile(times, 0.95), len(queries), status


def pages(language="en"):
    """{label: [urls]} of the pages measured, from the corpus in the database."""
    from django.urls import NoReverseMatch, reverse

    from articles.models import Article, Region, Topic

    published = Article.objects.published().in_language(language).excluding_events()
    count = published.count()
    # Twenty articles spread over the corpus, so no one page is measured hot.
    step = max(1, count // 20)
    articles = [published.order_by("pk")[index] for index in range(0, count, step)][:20]
    topic = Topic.objects.get(slug="sanctions")
    region = Region.objects.get(slug="levant")
    found = {
        "article page": [article.get_absolute_url() for article in articles],
        "topic page (sanctions)": [topic.get_absolute_url()],
    }
    try:
        listing = reverse("articles:list")
    except NoReverseMatch:
        listing = None
    if listing:
        found["listing, page 1"] = [listing]
        found["listing, page 1,000"] = [f"{listing}?page=1000"]
        found["filtered listing (topic + region)"] = [
            f"{listing}?topic={topic.slug}&region={region.slug}"
        ]
        found["filtered listing, page 50"] = [
            f"{listing}?topic={topic.slug}&region={region.slug}&page=50"
        ]
    found["search 'nuclear talks'"] = ["/search?q=nuclear+talks"]
    found["search 'sanctions iran', page 20"] = ["/search?q=sanctions+iran&page=20"]
    found["search rare word 'desalination'"] = ["/search?q=desalination"]
    found["search Arabic 'العقوبات' (/ar/)"] = [
        "/ar/search?q=%D8%A7%D9%84%D8%B9%D9%82%D9%88%D8%A8%D8%A7%D8%AA"
    ]
    return found, listing is not None


def report(requests):
    import django

    django.setup()
    from django.test import Client

    from articles.models import Article

    vacuum_analyze()
    total = Article.objects.count()
    published = Article.objects.published().count()
    log(f"\n{total} articles in the database, {published} published.")
    urls, has_listing = pages()
    if not has_listing:
        log("listing page /policy-analysis: missing (no route named articles:list)")
    client = Client()
    log(f"\n{'page':<40} {'median':>9} {'p95':>9} {'queries':>8}")
    results = {}
    for label, addresses in urls.items():
        median, p95, queries, status = measure(client, addresses, requests)
        flag = "" if status == 200 else f"  (answered {status})"
        log(f"{label:<40} {median:>7.1f}ms {p95:>7.1f}ms {queries:>8}{flag}")
        results[label] = (median, p95, queries)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--experts", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--requests", type=int, default=40, help="timed requests per page")
    add_database_arguments(parser)
    args = parser.parse_args()

    def measure():
        if args.skip_generate:
            migrate()
        else:
            generate(args.articles, args.experts, args.seed)
        report(args.requests)

    run_on_database(args, measure, name="run.py")


if __name__ == "__main__":
    main()
