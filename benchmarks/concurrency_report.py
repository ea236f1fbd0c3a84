"""What benchmarks/concurrency.py prints at the end, and whether its checks passed."""

import statistics
from collections import Counter

from cluster import log


def report(saves, readers, broken, stale, targets):
    outcomes = Counter(
        save.outcome if not save.outcome.startswith("other") else "other" for save in saves
    )
    accepted = outcomes["accepted"]
    refused = outcomes["refused"] + outcomes["refused at the same moment"]
    log(
        f"\nSaves: {len(saves)}: {accepted} accepted, {refused} refused ({outcomes['refused']} "
        f"with the form shown again, {outcomes['refused at the same moment']} redirected back "
        f"'at the same moment'), {outcomes['other']} other"
    )
    log(f"\n{'target':<46} {'saves':>6} {'accepted':>9} {'refused':>8} {'other':>6}  editors")
    for key in ("A", "B", "C", "D", "S", "new"):
        mine = [save for save in saves if save.target == key]
        count = Counter(save.outcome.split(" ")[0].rstrip(":") for save in mine)
        title = "new drafts" if key == "new" else f"{key} {targets[key]['title'][:42]}"
        names = ", ".join(sorted({save.editor for save in mine}))
        log(
            f"{title:<46} {len(mine):>6} {count['accepted']:>9} {count['refused']:>8} "
            f"{count['other']:>6}  {names}"
        )
    others = [save for save in saves if save.outcome.startswith("other")]
    for save in others[:10]:
        log(f"  {save.editor} on {save.target}: {save.outcome[:200]}")

    seen = sum((reader.seen for reader in readers), Counter())
    times = [t * 1000 for reader in readers for t in reader.times] or [0.0]
    log(
        f"\nReaders: {len(readers)}, {sum(seen.values())} pages, "
        f"median {statistics.median(times):.0f} ms"
    )
    for (kind, status), count in sorted(seen.items(), key=str):
        log(f"  {kind:<22} {status!s:>9} {count:>6}")
    found = sum((reader.searches_found for reader in readers), Counter())
    log(
        f"  searches for an accepted edit's word that found it: {found['found']} of "
        f"{sum(found.values())} (the page cache and the index may lag a save by a moment)"
    )
    leaks = [leak for reader in readers for leak in reader.leaks]
    server_errors = sum(
        count for (_, status), count in seen.items() if status == "no answer" or status >= 500
    )
    checks = [
        ("accepted saves in their article's history, by their editor",
         "accepted but not in the history"),
        ("accepted saves still in the article (none written over)", "accepted but written over"),
        ("refused saves absent from the article and its history", "told refused but saved"),
        ("saves told neither accepted nor refused, and not saved", "not told (not saved)"),
        ("saves told neither accepted nor refused, but saved", "not told (saved)"),
    ]  # fmt: skip
    log("\nAgainst the database:")
    results = []
    for text, key in checks:
        count = len(broken.get(key, []))
        total = accepted if "accepted" in key else refused if "refused" in key else len(saves)
        log(f"  {'PASS' if not count else 'FAIL'}  {text}: {count} failing of {total}")
        results.append(not count)
        for save in broken.get(key, [])[:5]:
            log(f"        {save.editor} on {save.target} ({save.word}): {save.outcome[:120]}")
    log(f"  {'PASS' if not leaks else 'FAIL'}  drafts seen by readers: {len(leaks)}")
    for path, what in leaks[:5]:
        log(f"        GET {path}: {', '.join(what)[:200]}")
    log(f"  {'PASS' if not server_errors else 'FAIL'}  readers' server errors: {server_errors}")
    log(f"  {'PASS' if not stale else 'FAIL'}  public pages missing an accepted edit: {stale}")
    enough = accepted > 0 and refused > 0
    log(f"  {'PASS' if enough else 'FAIL'}  both accepted and refused saves were exercised")
    return all(results) and not leaks and not server_errors and not stale and enough
