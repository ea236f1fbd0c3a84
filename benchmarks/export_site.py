"""
Time and memory of `export_site` (interchange/export.py) on a generated corpus on
PostgreSQL: every topic, region, image, expert and article written as JSON Lines with
their files.

    sudo .venv/bin/python benchmarks/export_site.py          # a throwaway cluster, 100,000 articles
    .venv/bin/python benchmarks/export_site.py --database-url postgres://... --skip-generate

In this process, DEBUG off: the export into a temporary folder, its wall time, the
records a second, the peak resident memory of the process (the export streams: it
stays flat however many articles), and the queries per batch of 500 records; --write
puts the table in RESULTS.md under "Other figures". See benchmarks/README.md.
"""

import argparse
import datetime
import json
import os
import resource
import tempfile
import time
from pathlib import Path

from cluster import (
    add_database_arguments,
    generate,
    head_commit,
    log,
    migrate,
    run_on_database,
    vacuum_analyze,
    write_section,
)

HEADING = "### The export of the whole site (benchmarks/export_site.py)"


def peak_memory_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure():
    """(records, seconds, peak MB before, peak MB after, queries, bytes written)."""
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from interchange.export import BATCH, export_site

    vacuum_analyze()
    before = peak_memory_mb()
    with tempfile.TemporaryDirectory() as folder, CaptureQueriesContext(connection) as queries:
        started = time.monotonic()
        records = 0
        with (Path(folder) / "site.jsonl").open("w", encoding="utf-8") as file:
            for record in export_site(folder):
                file.write(json.dumps(record, ensure_ascii=False) + "\n")
                records += 1
        seconds = time.monotonic() - started
        size = sum(path.stat().st_size for path in Path(folder).rglob("*") if path.is_file())
    batches = max(1, records // BATCH)
    return records, seconds, before, peak_memory_mb(), len(queries) / batches, size


def section(records, seconds, before, after, per_batch, size):
    when = datetime.datetime.now(datetime.UTC)
    commit = head_commit()
    lines = [
        HEADING,
        "",
        f"Written by `benchmarks/export_site.py --write` on {when:%Y-%m-%d %H:%M} UTC, "
        f"commit {commit}, {os.cpu_count()} CPUs, PostgreSQL 15 (default settings), in one "
        f"process, DEBUG off. The machine's load average when done: "
        f"{os.getloadavg()[0]:.1f}.",
        "",
        "| records | seconds | records/s | peak memory MB (before → after) "
        "| queries per batch | written MB |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {records:,} | {seconds:.1f} | {records / max(seconds, 1e-9):,.0f} | "
        f"{before:.0f} → {after:.0f} | {per_batch:.1f} | {size / 2**20:.1f} |",
    ]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--experts", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--write", action="store_true", help="replace its part of RESULTS.md")
    add_database_arguments(parser)
    args = parser.parse_args()

    def run():
        if args.skip_generate:
            migrate()
        else:
            generate(args.articles, args.experts, args.seed)
        text = section(*measure())
        log("\n" + text)
        if args.write:
            write_section(HEADING, text)

    run_on_database(args, run, name="export_site.py")


if __name__ == "__main__":
    main()
