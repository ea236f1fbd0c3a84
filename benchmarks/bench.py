"""
The pages benchmarks/serve.py measures, on the servers that serve them, in rounds: each
round gives every page its share of the load in turn, so that a change in what else
the machine does (another process, a warmer disk) falls on every page alike, the
bare view included, instead of on whichever page was measured at the time.
"""

from dataclasses import dataclass, field
from pathlib import Path

from cluster import log
from load import LoadResult, run_wrk
from report import Measured
from servers import Site, get


@dataclass
class Page:
    label: str
    site: Site
    paths: list
    file: Path
    median_target: bool = False
    result: LoadResult = field(default_factory=LoadResult)
    offset: int = 0  # where in `paths` the next run starts


class Bench:
    def __init__(self, folder, settings, warmup):
        self.folder, self.settings, self.warmup = folder, settings, warmup
        self.pages, self.missing = [], {}

    def paths_file(self, name, paths):
        path = self.folder / f"{name}.paths"
        path.write_text("".join(f"{line}\n" for line in paths))
        return path

    def add(self, site, label, paths, warm_paths=None, median_target=False):
        """
        A page to measure, checked and warmed now: its paths answer 200 (a page that
        does not, a redirect included, is noted and left out), then `warmup` seconds of
        the same load on `warm_paths` (other articles for the article on a miss).
        """
        warm_paths = warm_paths or paths
        for path in dict.fromkeys([*warm_paths[:20], *paths[:5]]):
            status, headers, _ = get(site.port, path)
            if status != 200:
                where = f" to {headers['Location']}" if headers.get("Location") else ""
                note = f"{path} answered {status}{where}"
                log(f"{label:<46} left out: {note} (log: {site.logfile})")
                self.missing[label] = Measured(label, None, note, median_target=median_target)
                return
        name = f"{site.name}-{len(self.pages)}"
        if self.warmup:
            warm_file = self.paths_file(f"{name}-warm", warm_paths)
            run_wrk(site.url, warm_file, self.settings, seconds=self.warmup)
        self.pages.append(
            Page(label, site, paths, self.paths_file(name, paths), median_target=median_target)
        )
        log(f"{label:<46} warmed")

    def run(self):
        rounds = self.settings.rounds
        for number in range(1, rounds + 1):
            log(f"\nround {number} of {rounds}")
            for page in self.pages:
                with page.site.memory_watch():
                    result = run_wrk(page.site.url, page.file, self.settings, offset=page.offset)
                # The next round goes on where this one stopped, each thread in its part.
                page.offset += result.requests // self.settings.threads
                page.result.add(result)
                log(line(page.label, result))
        log("\nall rounds")
        for page in self.pages:
            log(line(page.label, page.result))

    def measured(self):
        """label: Measured, in the order the pages were added."""
        found = {
            page.label: Measured(
                page.label,
                page.result,
                f"{page.result.errors} errors" if page.result.errors else "",
                len(page.paths),
                page.median_target,
            )
            for page in self.pages
        }
        return {**found, **self.missing}


def line(label, result):
    errors = f"  ({result.errors} errors)" if result.errors else ""
    return (
        f"{label:<46} {result.per_second:>8.1f}/s  p50 {result.p50_ms:>7.1f} ms  "
        f"p99 {result.p99_ms:>7.1f} ms  {result.bytes_per_response / 1024:>6.1f} KB{errors}"
    )
