"""
The servers benchmarks/serve.py starts and always stops: a throwaway Redis, and the
site under gunicorn as `make serve` runs it. Each runs in its own session, so a Ctrl-C
in the terminal reaches only serve.py, which then stops them in order.
"""

import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from cluster import ROOT, BenchmarkError, log

from tests.helpers.ports import free_port, wait_for_port

# A field of a request's log line: key=bare or key="quoted" (no field quoted here has
# an escaped quote that matters to the benchmarks).
LOGFMT_FIELD = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|\S*)')
GUNICORN_CONFIG = ROOT / "deploy" / "gunicorn.conf.py"
WORKERS = 2


def stop(process, name, timeout=20):
    """SIGTERM, then SIGKILL to its whole process group if it does not end in time."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        log(f"{name} did not stop in {timeout} s: killing it")
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)


def tail(path, lines=30):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


@contextmanager
def redis_server(folder):
    """A Redis on a free loopback port that keeps nothing on disk; yields its URL."""
    binary = shutil.which("redis-server")
    if not binary:
        raise BenchmarkError("redis-server is missing: install Debian's redis-server")
    port = free_port()
    logfile = folder / "redis.log"
    with open(logfile, "w") as output:
        process = subprocess.Popen(  # noqa: S603
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
             "no", "--dir", str(folder), "--daemonize", "no"],
            stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        try:
            wait_for_port(port, process, timeout=10)
        except RuntimeError:
            raise BenchmarkError(f"Redis did not start:\n{tail(logfile)}") from None
        log(f"Redis on 127.0.0.1:{port}")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(process, "redis-server")


def get(port, path, timeout=60):
    """(status, headers, body) of one GET, not following redirects."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


@dataclass
class Site:
    name: str
    process: subprocess.Popen
    port: int
    logfile: Path
    peak_rss_mb: float = 0.0

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def workers(self):
        """The pids of the gunicorn master's worker processes."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    @contextmanager
    def memory_watch(self, every=0.25):
        """While in it, the largest worker's VmRSS is sampled into `peak_rss_mb`."""
        done = threading.Event()

        def sample():
            while not done.is_set():
                self.peak_rss_mb = max([self.peak_rss_mb, *self.worker_rss_mb()])
                done.wait(every)

        watcher = threading.Thread(target=sample, daemon=True)
        watcher.start()
        try:
            yield
        finally:
            done.set()
            watcher.join()

    def cache_outcomes(self):
        """What the page cache did, by the request log's `cache=` field: {outcome: count}."""
        try:
            text = self.logfile.read_text(errors="replace")
        except OSError:
            return Counter()
        return Counter(re.findall(r"\bcache=(\w+)", text))

    def log_size(self):
        """Where the log ends now: `requests(since=...)` reads what is written after it."""
        try:
            return self.logfile.stat().st_size
        except OSError:
            return 0

    def requests(self, since=0):
        """Each request's log line (logfmt, docs/request-log.md) written after byte
        `since`, as {field: text}, one at a time; other lines are skipped."""
        with open(self.logfile, "rb") as log_file:
            log_file.seek(since)
            for raw in log_file:
                line = raw.decode(errors="replace")
                if "logger=thinktank.request " in line:
                    yield {key: value.strip('"') for key, value in LOGFMT_FIELD.findall(line)}

    def worker_rss_mb(self):
        """Resident memory of each worker, in MB (VmRSS of /proc/<pid>/status)."""
        sizes = []
        for pid in self.workers():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            kilobytes = [
                line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")
            ]
            sizes += [int(size) / 1024 for size in kilobytes]
        return sizes


def gunicorn_command(port, root=ROOT):
    binary = Path(sys.executable).with_name("gunicorn")
    if not binary.exists():
        raise BenchmarkError(f"{binary} is missing: run `make install`")
    command = [str(binary)]
    config = root / GUNICORN_CONFIG.relative_to(ROOT)
    if config.exists():
        command += ["-c", str(config)]
    # Given on the command line, these win over the config file's: the benchmark is
    # defined as two sync workers, whatever the machine's default would be.
    return command + [
        "thinktank.wsgi", "--workers", str(WORKERS), "--worker-class", "sync",
        "--bind", f"127.0.0.1:{port}",
    ]  # fmt: skip


@contextmanager
def gunicorn(name, env, folder, ready_path="/robots.txt", timeout=90, root=ROOT):
    """The site under gunicorn on a free loopback port, once it answers `ready_path`;
    `root` is the checkout it runs (another one: an earlier commit's code beside)."""
    with served(
        name, lambda port: gunicorn_command(port, root), {**env, "WEB_CONCURRENCY": str(WORKERS)},
        folder, cwd=root, ready_path=ready_path, timeout=timeout,
    ) as site:  # fmt: skip
        yield site


@contextmanager
def served(name, command, env, folder, *, cwd, ready_path, timeout=90):
    """A server of WORKERS gunicorn workers started by `command(port)` on a free
    loopback port, yielded as a Site once it answers `ready_path` with 200 and all its
    workers are up; stopped at the end."""
    port = free_port()
    logfile = folder / f"gunicorn-{name}.log"
    with open(logfile, "w") as output:
        process = subprocess.Popen(  # noqa: S603
            command(port), cwd=cwd, env=env,
            stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    site = Site(name, process, port, logfile)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise BenchmarkError(
                    f"gunicorn ({name}) exited with {process.returncode}:\n{tail(logfile)}"
                )
            try:
                status, _, _ = get(port, ready_path, timeout=10)
            except OSError:
                status = None
            if status == 200 and len(site.workers()) == WORKERS:
                break
            if status is not None and status != 200:
                # A worker answered, so the site is up: it will not answer better later.
                raise BenchmarkError(
                    f"gunicorn ({name}) answered {status} to {ready_path}:\n{tail(logfile)}"
                )
            if time.monotonic() > deadline:
                raise BenchmarkError(
                    f"gunicorn ({name}) did not answer {ready_path} in {timeout} s:\n"
                    f"{tail(logfile)}"
                )
            time.sleep(0.2)
        yield site
    finally:
        stop(process, f"gunicorn ({name})", timeout=30)
