"""
Time and memory of `import_wordpress` (docs/wordpress-import.md) on a generated WordPress
export, into a throwaway PostgreSQL 15 cluster.

    sudo .venv/bin/python benchmarks/import_wordpress.py                 # 100,000 posts
    sudo .venv/bin/python benchmarks/import_wordpress.py --posts 2000 --profile /tmp/import.prof
    .venv/bin/python benchmarks/import_wordpress.py --database-url postgres://... --posts 1000

The export (tests/helpers/wxr.py) has authors, Co-Authors Plus guest authors, nested
categories, tags, an attachment every tenth post (a small real JPEG in a media folder)
as its featured image and in a [caption], footnotes, shortcodes, links between posts,
WPML (or Polylang) Arabic translations of every twentieth post, drafts and future
posts. The import runs in a child process (`manage.py import_wordpress` as Django runs
it, DEBUG off), timed from outside; the child counts its queries. Printed: the wall
time, records a second, the child's peak resident memory (its own rusage), queries per
record, the re-run (the same file again: nothing created, nothing written), and the
machine's load average (a shared machine shows in the figures). --write puts the table
in RESULTS.md under "Other figures". See benchmarks/README.md.
"""

import argparse
import datetime
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cluster import (
    PYTHON,
    ROOT,
    BenchmarkError,
    head_commit,
    log,
    migrate,
    throwaway_cluster,
    write_section,
)
from wordpress_export import AUTHORS, CATEGORIES, TAGS, write_export

HEADING = "### Importing a WordPress export (benchmarks/import_wordpress.py)"


def child(args):
    """Run in the child process: set up the site (--setup) or import, printing JSON."""
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection

    from articles.models import PublicationType

    if args.setup:
        PublicationType.objects.get_or_create(
            slug="policy-analysis", defaults={"name": "Policy Analysis"}
        )
        if not User.objects.filter(is_superuser=True).exists():
            User.objects.create_superuser("importer", "importer@example.org", "x")
        return
    queries = [0]

    def count(execute, sql, params, many, context):
        queries[0] += 1
        return execute(sql, params, many, context)

    report = Path(args.child_report)
    started = time.monotonic()
    with connection.execute_wrapper(count):
        command = [
            "import_wordpress",
            args.export,
            "--media-dir",
            args.media,
            "--report",
            str(report),
        ]
        if args.profile:
            import cProfile

            cProfile.runctx(
                "call_command(*command, stdout=sys.stderr)",
                globals(),
                {"call_command": call_command, "command": command, "sys": sys},
                args.profile,
            )
        else:
            call_command(*command, stdout=io.StringIO())
    seconds = time.monotonic() - started
    counts = json.loads(report.read_text())["counts"]
    print(json.dumps({"queries": queries[0], "seconds": seconds, "counts": counts}))


PROGRESS = re.compile(r"([\d,]+) / ([\d,]+) \(\d+%\), ([\d.]+) a second")


def run_child(folder, *extra, stop_after=None):
    """(the child's JSON output, its wall seconds, its own peak resident memory in MB,
    read from its rusage by wait4). A child still running after `stop_after` seconds
    is stopped: its output is then what its last progress line said ("stopped")."""
    out, err = folder / "child.out", folder / "child.err"
    started, stopped = time.monotonic(), False
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(  # noqa: S603 - this script itself
            [PYTHON, __file__, "--child", *map(str, extra)],
            cwd=ROOT / "benchmarks",
            stdout=stdout,
            stderr=stderr,
        )
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if stop_after and not stopped and time.monotonic() - started > stop_after:
                process.terminate()
                stopped = True
            time.sleep(0.5)
    seconds = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss / 1024
    if stopped:
        found = PROGRESS.findall(err.read_text(errors="replace"))
        done, total, rate = found[-1] if found else ("0", "0", "0")
        as_int = int(done.replace(",", "")), int(total.replace(",", ""))
        return (
            {"stopped": True, "done": as_int[0], "total": as_int[1], "rate": float(rate)},
            (seconds),
            peak,
        )
    if process.returncode:
        lines = err.read_text(errors="replace").strip().splitlines()
        raise BenchmarkError("the child failed:\n" + "\n".join(lines[-6:]))
    lines = out.read_text().strip().splitlines()
    return (json.loads(lines[-1]) if lines else {}), seconds, peak


def measure(args, folder):
    export, media = folder / "export.xml", folder / "uploads"
    started = time.monotonic()
    items = write_export(export, media, args.posts, args.plugin)
    written = time.monotonic() - started
    log(
        f"export: {args.posts:,} posts, {items:,} items, "
        f"{export.stat().st_size / 2**20:.0f} MB, written in {written:.1f} s"
    )
    migrate()
    run_child(folder, "--setup")
    base = ["--export", export, "--media", media, "--child-report", folder / "report.json"]
    if args.profile:
        base += ["--profile", args.profile]
    load_before = os.getloadavg()
    first, seconds, peak = run_child(folder, *base, stop_after=args.stop_after)
    log(f"import: {seconds:.1f} s, {json.dumps(first.get('counts', first))}")
    rerun = None
    if not args.no_rerun and not first.get("stopped"):
        rerun = run_child(
            folder, *[part for part in base if part not in ("--profile", args.profile)]
        )
        log(f"re-run: {rerun[1]:.1f} s, {json.dumps(rerun[0]['counts'])}")
    return {
        "posts": args.posts,
        "items": items,
        "megabytes": export.stat().st_size / 2**20,
        "first": first,
        "seconds": seconds,
        "peak": peak,
        "rerun": rerun,
        "load": (load_before, os.getloadavg()),
        "profiled": bool(args.profile),
    }


def records_of(counts):
    return sum(sum(outcomes.values()) for outcomes in counts.values())


def section(figures):
    when = datetime.datetime.now(datetime.UTC)
    commit = head_commit()
    first, seconds = figures["first"], figures["seconds"]
    if first.get("stopped"):
        return stopped_section(figures, when, commit)
    records = records_of(first["counts"])
    created = sum(outcomes.get("created", 0) for outcomes in first["counts"].values())
    (before, after) = figures["load"]
    lines = [
        HEADING,
        "",
        written_by(when, commit, before, after, "after it"),
        "",
        f"The export: {figures['posts']:,} posts, {figures['items']:,} items "
        f"({figures['megabytes']:.0f} MB; attachments, Arabic translations, guest authors), "
        f"{AUTHORS} authors, {CATEGORIES} categories, {TAGS} tags.",
        "",
        "| run | records | created | seconds | records/s | peak memory MB | queries per record |",
        "|---|---:|---:|---:|---:|---:|---:|",
        f"| first import | {records:,} | {created:,} | {seconds:.1f} | "
        f"{records / max(seconds, 1e-9):,.0f} | {figures['peak']:.0f} | "
        f"{first['queries'] / max(records, 1):.1f} |",
    ]
    if figures["rerun"]:
        again, again_seconds, again_peak = figures["rerun"]
        again_records = records_of(again["counts"])
        again_created = sum(outcomes.get("created", 0) for outcomes in again["counts"].values())
        lines.append(
            f"| the same file again | {again_records:,} | {again_created:,} | "
            f"{again_seconds:.1f} | {again_records / max(again_seconds, 1e-9):,.0f} | "
            f"{again_peak:.0f} | {again['queries'] / max(again_records, 1):.1f} |"
        )
    lines += [
        "",
        "Seconds are the child's wall time, Python's start and Django's set-up included; "
        "its two passes over the file (docs/wordpress-import.md) included. Peak memory is "
        "the child's largest resident set (its rusage, read by `wait4`).",
    ]
    return "\n".join(lines) + "\n"


def written_by(when, commit, before, after, end):
    """The section's first sentence: when, what and on what machine it was measured."""
    return (
        f"Written by `benchmarks/import_wordpress.py --write` on {when:%Y-%m-%d %H:%M} UTC, "
        f"commit {commit}, {os.cpu_count()} CPUs, PostgreSQL 15 (a throwaway cluster, "
        f"default settings, durability off), `manage.py import_wordpress` in a child "
        f"process, DEBUG off. The machine is shared: its load average (1, 5, 15 min) was "
        f"{before[0]:.1f}, {before[1]:.1f}, {before[2]:.1f} before the import and "
        f"{after[0]:.1f}, {after[1]:.1f}, {after[2]:.1f} {end}."
    )


def stopped_section(figures, when, commit):
    """The section of an import stopped by --stop-after: its rate and a projection."""
    first, (before, after) = figures["first"], figures["load"]
    left = (first["total"] - first["done"]) / max(first["rate"], 1e-9)
    lines = [
        HEADING,
        "",
        written_by(when, commit, before, after, "when it was stopped"),
        "",
        f"The export: {figures['posts']:,} posts, {figures['items']:,} items "
        f"({figures['megabytes']:.0f} MB). **Stopped** (`--stop-after`) after "
        f"{figures['seconds']:.0f} s, its first pass over the file included: "
        f"{first['done']:,} of {first['total']:,} items imported, at "
        f"{first['rate']:.1f} a second (the command's own progress line); the rest would "
        f"take about {left / 60:.0f} minutes more, some {(figures['seconds'] + left) / 60:.0f} "
        f"minutes in all. Peak memory of the child until then: {figures['peak']:.0f} MB.",
    ]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--plugin", choices=("wpml", "polylang"), default="wpml")
    parser.add_argument("--database-url", help="an existing (empty) database")
    parser.add_argument("--profile", help="cProfile the first import into this file")
    parser.add_argument("--no-rerun", action="store_true", help="skip importing it again")
    parser.add_argument(
        "--stop-after", type=float, help="stop the import after so many seconds, and project"
    )
    parser.add_argument("--keep", action="store_true", help="leave the throwaway cluster running")
    parser.add_argument("--write", action="store_true", help="replace its part of RESULTS.md")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--setup", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--export", help=argparse.SUPPRESS)
    parser.add_argument("--media", help=argparse.SUPPRESS)
    parser.add_argument("--child-report", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="thinktank.settings",
        DEBUG="0",
        SECRET_KEY=os.environ.get("SECRET_KEY", "benchmarks-only-not-a-secret"),
        LOG_LEVEL="WARNING",
        STATIC_STORAGE="plain",
    )
    if args.child:
        child(args)
        return
    folder = Path(tempfile.mkdtemp(prefix="thinktank-bench-import."))
    os.environ["MEDIA_ROOT"] = str(folder / "site-media")

    def run(url):
        os.environ["DATABASE_URL"] = url
        text = section(measure(args, folder))
        log("\n" + text)
        if args.write:
            write_section(HEADING, text)

    try:
        if args.database_url:
            run(args.database_url)
        else:
            with throwaway_cluster(keep=args.keep) as url:
                run(url)
    except BenchmarkError as error:
        sys.exit(f"import_wordpress.py: {error}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
