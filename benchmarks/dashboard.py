"""
Server time of the admin's home page, the editorial dashboard, on a generated corpus
on PostgreSQL, for an editor (everyone's work) and a contributor (their own).

    sudo .venv/bin/python benchmarks/dashboard.py    # a throwaway cluster, 100,000 articles
    .venv/bin/python benchmarks/dashboard.py --database-url postgres://... --skip-generate --write

The corpus (generate_corpus) has no history: this script gives it one first, in bulk
and once (it skips this when the history is there): a revision of every article by one
of --writers staff accounts (a contributor the first), and, for each article in review,
the revision that submitted it, with a note. Then, with Django's test Client in this
process and DEBUG off, it times --requests GETs of /admin/ for each user (after three
warm-up requests) and prints the median, the 95th percentile and the queries of one
request; --write puts the table in RESULTS.md under "Other figures". See
benchmarks/README.md.
"""

import argparse
import datetime
import os
import statistics
import time

from cluster import (
    BenchmarkError,
    add_database_arguments,
    generate,
    head_commit,
    log,
    migrate,
    run_on_database,
    vacuum_analyze,
    write_section,
)
from run import percentile

HEADING = "### The editorial dashboard (benchmarks/dashboard.py)"
BATCH = 5_000


def give_history(writers):
    """A revision of every article by one of `writers` accounts, and a submission of
    each in review; the accounts (the first a contributor, the others editors)."""
    from django.contrib.auth.models import Group, User

    from articles.models import Article, ArticleRevision

    accounts = []
    for index in range(writers):
        user, created = User.objects.get_or_create(
            username=f"bench-writer-{index}", defaults={"is_staff": True}
        )
        user.groups.add(Group.objects.get(name="Contributors" if index == 0 else "Editors"))
        accounts.append(user)
    if ArticleRevision.objects.exists():
        log("the history is there already")
        return accounts
    started = time.monotonic()
    rows = Article.objects.order_by("pk").values_list("pk", "status")
    batch = []
    for pk, status in rows.iterator(chunk_size=BATCH):
        user = accounts[pk % len(accounts)]
        batch.append(ArticleRevision(article_id=pk, user=user, data={"status": "draft"}))
        if status == Article.Status.REVIEW:
            batch.append(
                ArticleRevision(
                    article_id=pk, user=user, data={"status": status}, note="Ready for a look."
                )
            )
        elif status != Article.Status.DRAFT:
            batch.append(ArticleRevision(article_id=pk, user=accounts[1], data={"status": status}))
        if len(batch) >= BATCH:
            ArticleRevision.objects.bulk_create(batch)
            batch = []
    ArticleRevision.objects.bulk_create(batch)
    log(
        f"history: {ArticleRevision.objects.count():,} revisions by {writers} accounts in "
        f"{time.monotonic() - started:.1f} s"
    )
    return accounts


def measure(user, language, requests):
    """(median ms, 95th percentile ms, queries) of GET /admin/ as `user` in `language`."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    for _ in range(3):
        client.get("/admin/")
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get("/admin/")
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise BenchmarkError(f"/admin/ answered {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get("/admin/")
    return statistics.median(times), percentile(times, 0.95), len(queries)


def report(writers, requests):
    import django

    django.setup()
    from articles.models import Article, ArticleRevision

    vacuum_analyze()
    contributor, editor = give_history(writers)[:2]
    vacuum_analyze()
    cases = [
        ("editor", "en", editor),
        ("editor", "ar", editor),
        ("contributor", "en", contributor),
        ("contributor", "ar", contributor),
    ]
    results = []
    log(f"\n{'user':<12} {'language':<9} {'median':>9} {'p95':>9} {'queries':>8}")
    for role, language, user in cases:
        median, p95, queries = measure(user, language, requests)
        log(f"{role:<12} {language:<9} {median:>7.1f}ms {p95:>7.1f}ms {queries:>8}")
        results.append((role, language, median, p95, queries))
    corpus = (Article.objects.count(), ArticleRevision.objects.count())
    return results, corpus


def section(results, corpus, writers, requests):
    when = datetime.datetime.now(datetime.UTC)
    commit = head_commit()
    lines = [
        HEADING,
        "",
        f"Written by `benchmarks/dashboard.py --write` on {when:%Y-%m-%d %H:%M} UTC, commit "
        f"{commit}, {os.cpu_count()} CPUs, PostgreSQL 15 (default settings): `/admin/` "
        f"with its editorial dashboard on {corpus[0]:,} articles and {corpus[1]:,} "
        f"revisions by {writers} accounts (the contributor's own work is 1 in {writers}), "
        f"with Django's test Client in one process, DEBUG off; {requests} requests after "
        "three warm-up ones. Median / 95th percentile in ms, and the queries of one request. "
        f"The machine's load average when done: {os.getloadavg()[0]:.1f} (on "
        f"{os.cpu_count()} CPUs; other work on it slows every figure).",
        "",
        "| user | language | median ms | p95 ms | queries |",
        "|---|---|---:|---:|---:|",
        *(
            f"| {role} | {language} | {median:.1f} | {p95:.1f} | {queries} |"
            for role, language, median, p95, queries in results
        ),
    ]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--experts", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--writers", type=int, default=20, help="accounts the history is by")
    parser.add_argument("--requests", type=int, default=20, help="timed requests per user")
    parser.add_argument("--write", action="store_true", help="replace its part of RESULTS.md")
    add_database_arguments(parser)
    args = parser.parse_args()

    def measure():
        if args.skip_generate:
            migrate()
        else:
            generate(args.articles, args.experts, args.seed)
        results, corpus = report(args.writers, args.requests)
        text = section(results, corpus, args.writers, args.requests)
        log("\n" + text)
        if args.write:
            write_section(HEADING, text)

    run_on_database(args, measure, name="dashboard.py")


if __name__ == "__main__":
    main()
