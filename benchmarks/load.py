"""
Load with wrk (Debian's package): runs over a list of paths (benchmarks/paths.lua),
read back as requests per second and latency percentiles; the runs of one page in
several rounds merge into one result (their latency histograms added up).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from cluster import BenchmarkError

SCRIPT = Path(__file__).resolve().with_name("paths.lua")
ERRORS = ("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts")


@dataclass(frozen=True)
class LoadSettings:
    threads: int = 2
    connections: int = 8
    duration: int = 15  # seconds of load per page, over all rounds
    rounds: int = 3
    timeout: int = 10

    @property
    def round_seconds(self):
        return max(1, round(self.duration / self.rounds))

    def describe(self):
        return (
            f"wrk -t{self.threads} -c{self.connections} -d{self.round_seconds}s "
            f"--timeout {self.timeout}s -s benchmarks/paths.lua"
        )


@dataclass
class LoadResult:
    requests: int = 0
    seconds: float = 0.0
    bytes: int = 0
    errors: int = 0
    latency_us: Counter = field(default_factory=Counter)  # microseconds: how many

    def add(self, other):
        self.requests += other.requests
        self.seconds += other.seconds
        self.bytes += other.bytes
        self.errors += other.errors
        self.latency_us.update(other.latency_us)
        return self

    @property
    def per_second(self):
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def bytes_per_response(self):
        return self.bytes / self.requests if self.requests else 0

    def percentile_ms(self, fraction):
        """The latency under which `fraction` of the requests were answered, in ms."""
        total = sum(self.latency_us.values())
        if not total:
            return 0.0
        seen = 0
        for value, count in sorted(self.latency_us.items()):
            seen += count
            if seen >= fraction * total:
                return value / 1000
        return max(self.latency_us) / 1000

    @property
    def p50_ms(self):
        return self.percentile_ms(0.50)

    @property
    def p99_ms(self):
        return self.percentile_ms(0.99)


def wrk_binary():
    binary = shutil.which("wrk")
    if not binary:
        raise BenchmarkError("wrk is missing: install Debian's wrk")
    return binary


def run_wrk(base_url, paths_file, settings, seconds=None, offset=0, headers=()):
    """One wrk run cycling through the paths of `paths_file`, from `offset` on, each
    request with `headers` ("Name: value")."""
    seconds = settings.round_seconds if seconds is None else seconds
    command = [
        wrk_binary(), "-t", str(settings.threads), "-c", str(settings.connections),
        "-d", f"{seconds}s", "--timeout", f"{settings.timeout}s", "-s", str(SCRIPT),
        *(part for header in headers for part in ("-H", header)), base_url,
    ]  # fmt: skip
    env = {
        **os.environ,
        "WRK_PATHS": str(paths_file),
        "WRK_THREADS": str(settings.threads),
        "WRK_OFFSET": str(offset),
    }
    try:
        finished = subprocess.run(  # noqa: S603
            command, env=env, capture_output=True, text=True, timeout=seconds + 60
        )
    except subprocess.TimeoutExpired:
        raise BenchmarkError(f"wrk did not finish: {' '.join(command)}") from None
    lines = [line for line in finished.stdout.splitlines() if line.startswith("BENCH ")]
    if finished.returncode or not lines:
        raise BenchmarkError(
            f"wrk failed (exit {finished.returncode}): {finished.stderr.strip()}\n"
            f"{finished.stdout.strip()[-2000:]}"
        )
    data = json.loads(lines[-1].removeprefix("BENCH "))
    return LoadResult(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        bytes=data["bytes"],
        errors=sum(data[key] for key in ERRORS),
        latency_us=Counter(dict(data["latency_us"])),
    )


def run_under_load(name, run, args):
    """`run(args, stack, folder)` with wrk at hand, in a temporary folder removed after and
    kept on a failure; a BenchmarkError or Ctrl-C ends the program with one line, after
    `stack` has stopped what it started."""
    folder = Path(tempfile.mkdtemp(prefix=f"thinktank-{name.removesuffix('.py')}."))
    try:
        wrk_binary()
        with ExitStack() as stack:
            run(args, stack, folder)
    except BenchmarkError as error:
        sys.exit(f"{name}: {error}\n(logs kept in {folder})")
    except KeyboardInterrupt:
        sys.exit(f"{name}: interrupted; what it started is stopped (logs kept in {folder})")
    shutil.rmtree(folder, ignore_errors=True)
