"""
Editors at work (issue 16): readers spread over 10,000 addresses with Zipf's law while
one editor saves a draft every 10 s and publishes once a minute; how many reader
requests the page cache answers, and how soon a publish shows on its pages.

    sudo .venv/bin/python benchmarks/editors_at_work.py --articles 10000 --write
    sudo .venv/bin/python benchmarks/editors_at_work.py --articles 10000 --no-editor --write
    .venv/bin/python benchmarks/editors_at_work.py --database-url postgres://... --skip-generate

The site runs as `make serve` runs it, with the page cache on (benchmarks/serve.py's
environment; gunicorn, two sync workers, a throwaway Redis). Readers are wrk over a
Zipf-drawn list of addresses (benchmarks/paths.lua); the editor is a process of its
own (benchmarks/editor.py) using the admin over HTTP. The hit ratio is read from the
request log's `cache` field. See benchmarks/README.md.
"""

import argparse
import json
import math
import os
import subprocess
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from addresses import log_kinds, public_addresses, write_paths, zipf_sequence
from cluster import (
    PYTHON,
    BenchmarkError,
    add_corpus_arguments,
    add_database_arguments,
    generate,
    log,
    manage,
    migrate,
    throwaway_cluster,
    vacuum_analyze,
    write_section,
)
from editors_report import Outcome, read_cache_log, report, section
from load import SCRIPT, LoadSettings, run_under_load, run_wrk
from serve import corpus_description, log_to, site_environment
from servers import get, gunicorn, redis_server

EDITOR = Path(__file__).resolve().with_name("editor.py")
PAGE_CACHE_SECONDS = 600  # the site's default (thinktank/settings.py)
SEQUENCE = 400_000  # requests drawn; paths.lua goes round them again if wrk asks for more
WARMERS = 4  # requests at once while warming the cache


def editor_account():
    """(username, password) of a new staff account in the Editors group."""
    import secrets

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    username, password = f"bench-editor-{secrets.token_hex(3)}", secrets.token_urlsafe(16)
    user = get_user_model().objects.create_user(username, password=password, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return username, password


def drafts(publishes):
    """(the draft saved again and again, [each draft to publish, with the pages that
    should show it once public]): English drafts of a type that lists, with a topic."""
    from django.urls import reverse
    from django.utils import translation

    from articles.models import Article

    candidates = list(
        Article.objects.filter(status=Article.Status.DRAFT, language="en", topics__isnull=False)
        .excluding_events()
        .distinct()
        .order_by("pk")[: publishes + 1]
    )
    if len(candidates) < publishes + 1:
        raise BenchmarkError(f"{len(candidates)} English drafts with a topic: too few")
    with translation.override("en"):
        home, listing = reverse("articles:home"), reverse("articles:list")
        chosen = [
            {
                "pk": article.pk,
                "slug": article.slug,
                "pages": [
                    f"/policy-analysis/{article.slug}",
                    home,
                    listing,
                    article.topics.order_by("pk").first().get_absolute_url(),
                ],
            }  # fmt: skip
            for article in candidates[1:]
        ]
    return candidates[0].pk, chosen


def warm(site, addresses):
    """Every address requested once, WARMERS at a time: {status: count}."""

    def status(address):
        try:
            return get(site.port, address)[0]
        except OSError as error:
            return type(error).__name__

    started = time.monotonic()
    with ThreadPoolExecutor(WARMERS) as pool:
        statuses = Counter(pool.map(status, addresses))
    log(f"warmed {len(addresses):,} addresses in {time.monotonic() - started:.0f} s: "
        f"{dict(statuses)}")  # fmt: skip
    return statuses


def start_editor(args, site, folder):
    """The editor's process (benchmarks/editor.py), signed in and on its schedule."""
    username, password = editor_account()
    draft, to_publish = drafts(math.ceil(args.duration / args.publish_every))
    plan = {"port": site.port, "username": username, "password": password,
            "duration": args.duration, "save_every": args.save_every,
            "publish_every": args.publish_every, "draft": draft, "publish": to_publish}  # fmt: skip
    plan_file = folder / "editor-plan.json"
    plan_file.write_text(json.dumps(plan))
    with open(folder / "editor.log", "w") as errors:
        return subprocess.Popen(  # noqa: S603
            [PYTHON, str(EDITOR), str(plan_file)], cwd=EDITOR.parent,
            stdout=subprocess.PIPE, stderr=errors, text=True,
        )  # fmt: skip


def editor_events(process, folder, start):
    """The editor's events, once it has finished, each with its seconds since `start`."""
    try:
        output, _ = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        raise BenchmarkError("the editor did not finish in 2 minutes past the load") from None
    if process.returncode:
        raise BenchmarkError(
            f"the editor failed (exit {process.returncode}):\n"
            + (folder / "editor.log").read_text()[-2000:]
        )
    events = [json.loads(line) for line in output.splitlines() if line.strip()]
    for event in events:
        event["since_start"] = event["at"] - start
    return events


def run(args, stack, folder):
    database_url = args.database_url or stack.enter_context(throwaway_cluster(keep=args.keep))
    redis_url = stack.enter_context(redis_server(folder))
    env = site_environment(database_url, redis_url, folder / "static", PAGE_CACHE_SECONDS)
    if args.skip_generate:
        migrate(env)
    else:
        generate(args.articles, args.experts, args.seed, env=env)
    manage("collectstatic", "--noinput", "-v", "0", env=env)

    # This process reads the corpus and makes the editor's account.
    os.environ.update(env)
    import django

    django.setup()
    log_to(folder / "this-process.log")
    vacuum_analyze()
    corpus = corpus_description()
    addresses = public_addresses(args.addresses)
    sequence = write_paths(
        folder / "zipf.txt", zipf_sequence(list(addresses), SEQUENCE, args.exponent, args.seed)
    )
    log(f"{corpus['articles']:,} articles; {len(addresses):,} addresses, "
        f"{SEQUENCE:,} requests drawn (s = {args.exponent})")  # fmt: skip
    settings = LoadSettings(args.threads, args.connections, args.duration, rounds=1)
    command = (
        f"wrk -t{settings.threads} -c{settings.connections} -d{args.duration}s "
        f"-s benchmarks/{SCRIPT.name}"
    )

    with gunicorn("site", env, folder) as site:
        warmed = warm(site, addresses)
        since, load_before = site.log_size(), os.getloadavg()
        editor = start_editor(args, site, folder) if not args.no_editor else None
        start = time.time()
        log(f"{command}{'' if editor else ' (no editor)'}")
        with site.memory_watch():
            readers = run_wrk(site.url, sequence, settings, seconds=args.duration)
        load_after = os.getloadavg()
        events = editor_events(editor, folder, start) if editor else []
        cache = read_cache_log(site, since, start, args.duration, log_kinds(addresses))
        rss_now = site.worker_rss_mb()

    outcome = Outcome(
        editing=editor is not None,
        load_command=command,
        addresses=len(addresses),
        exponent=args.exponent,
        warm=warmed,
        readers=readers,
        cache=cache,
        events=events,
        rss_now=rss_now,
        rss_peak=site.peak_rss_mb,
        load_before=load_before,
        load_after=load_after,
        corpus=corpus,
        generated=None if args.skip_generate else (args.articles, args.experts, args.seed),
        seconds=args.duration,
    )
    log("\n" + report(outcome))
    if args.write:
        write_section(*section(outcome, args.note))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_corpus_arguments(parser, articles=10_000)  # --seed draws the requests too
    parser.add_argument("--duration", type=int, default=180, help="seconds of load (180)")
    parser.add_argument("--addresses", type=int, default=10_000, help="readers read (10,000)")
    parser.add_argument("--exponent", type=float, default=1.0, help="Zipf's s (1.0)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (8)")
    parser.add_argument("--save-every", type=float, default=10, help="seconds (10)")
    parser.add_argument("--publish-every", type=float, default=60, help="seconds (60)")
    parser.add_argument("--no-editor", action="store_true", help="the readers alone")
    add_database_arguments(parser)
    parser.add_argument("--write", action="store_true", help="put the figures in RESULTS.md")
    parser.add_argument("--note", default="", help="a paragraph for RESULTS.md")
    args = parser.parse_args()
    run_under_load("editors_at_work.py", run, args)


if __name__ == "__main__":
    main()
