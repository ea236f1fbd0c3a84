"""
What the benchmark scripts share: a throwaway PostgreSQL 15 cluster, manage.py in a
child process, and the generated corpus (benchmarks/run.py, benchmarks/serve.py).

The cluster is started the way .ci/run's pg_setup does it: initdb as the postgres user
in a temporary folder, on a free loopback port, durability off (a benchmark's data is
thrown away). That needs root, for runuser.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The scripts run from benchmarks/: the project (its apps, tests.helpers) is importable
# from here on.
sys.path.insert(0, str(ROOT))

from tests.helpers.ports import free_port  # noqa: E402 - once the project is on the path

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PYTHON = sys.executable


class BenchmarkError(Exception):
    """A failure the scripts report in one line, without a traceback."""


def log(message):
    print(message, flush=True)


def as_postgres(folder, *command):
    subprocess.run(  # noqa: S603 - our own fixed commands
        ["runuser", "-u", "postgres", "--", *map(str, command)],  # noqa: S607
        cwd=folder,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def check_can_start_cluster():
    """Say in one line why a throwaway cluster cannot be started here, if it cannot."""
    if os.geteuid() != 0:
        raise BenchmarkError(
            "a throwaway PostgreSQL cluster needs root (initdb runs as the postgres user "
            "through runuser): run with sudo, or give --database-url of an existing database"
        )
    if not (PG_BIN / "initdb").exists():
        raise BenchmarkError(
            f"{PG_BIN / 'initdb'} is missing: install Debian's postgresql-15, "
            "or give --database-url of an existing database"
        )


def stop_command(folder):
    return (
        f"runuser -u postgres -- {PG_BIN / 'pg_ctl'} -D {folder / 'data'} -m fast stop"
        f" && rm -rf {folder}"
    )


@contextmanager
def throwaway_cluster(keep=False):
    """
    A PostgreSQL 15 cluster on a free loopback port, yielding its database URL; stopped
    and removed at the end, unless `keep` (then the way to reuse and to stop it is
    printed, so the next run can skip generating the corpus).
    """
    check_can_start_cluster()
    folder = Path(tempfile.mkdtemp(prefix="thinktank-bench-pg."))
    shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", free_port()
    url = f"postgres://postgres@127.0.0.1:{port}/thinktank"
    started = ready = False
    try:
        as_postgres(
            folder, PG_BIN / "initdb", "-D", data, "-U", "postgres", "--auth=trust",
            "--encoding=UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        with open(data / "postgresql.conf", "a") as conf:
            conf.write(
                f"\nlisten_addresses = '127.0.0.1'\nport = {port}\n"
                f"unix_socket_directories = '{folder}'\n"
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
            )
        log(f"PostgreSQL 15 on 127.0.0.1:{port} in {folder}")
        as_postgres(
            folder, PG_BIN / "pg_ctl", "-D", data, "-l", folder / "server.log", "-w", "start"
        )
        started = True
        as_postgres(
            folder, PG_BIN / "createdb", "-h", "127.0.0.1", "-p", port, "-U", "postgres",
            "thinktank",
        )  # fmt: skip
        ready = True
        yield url
    finally:
        if keep and ready:
            log(
                f"\nThe cluster is kept: {url}\n"
                f"  reuse it:  --database-url {url} --skip-generate\n"
                f"  stop it:   {stop_command(folder)}"
            )
        else:
            if started:
                as_postgres(folder, PG_BIN / "pg_ctl", "-D", data, "-m", "fast", "-w", "stop")
            shutil.rmtree(folder, ignore_errors=True)
            log("cluster stopped and removed")


# A benchmark measured in this process through Django's test client: plain http, pages
# rendered (not read from the page cache: benchmarks/serve.py measures both), static
# names without collectstatic.
IN_PROCESS_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "thinktank.settings",
    "DEBUG": "0",
    "ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
    "LOG_LEVEL": "WARNING",
    "HTTPS": "0",
    "PAGE_CACHE_SECONDS": "0",
    "STATIC_STORAGE": "plain",
}


def add_corpus_arguments(parser, articles):
    """The options of the corpus a benchmark generates (`generate`), `articles` by default."""
    parser.add_argument(
        "--articles", type=int, default=articles, help=f"to generate ({articles:,})"
    )
    parser.add_argument("--experts", type=int, default=500, help="to generate (500)")
    parser.add_argument("--seed", type=int, default=1, help="of the generated corpus (1)")


def add_database_arguments(parser):
    """The options every benchmark on a generated corpus takes."""
    parser.add_argument("--database-url", help="an existing database instead of a throwaway one")
    parser.add_argument("--skip-generate", action="store_true", help="measure what is there")
    parser.add_argument(
        "--keep", action="store_true", help="leave the throwaway cluster running, to reuse"
    )


def run_on_database(args, measure, *, name):
    """
    Set this process's environment (IN_PROCESS_ENVIRONMENT), then `measure()` on the
    database of `args.database_url`, or a throwaway cluster's; a BenchmarkError ends the
    program with its message, prefixed by `name`.
    """
    os.environ.update(IN_PROCESS_ENVIRONMENT)
    os.environ.setdefault("SECRET_KEY", "benchmarks-only-not-a-secret")
    try:
        if args.database_url:
            os.environ["DATABASE_URL"] = args.database_url
            measure()
        else:
            with throwaway_cluster(keep=args.keep) as url:
                os.environ["DATABASE_URL"] = url
                measure()
    except BenchmarkError as error:
        sys.exit(f"{name}: {error}")


def output_of(command, *, what, cwd=ROOT, env=None, lines=4):
    """The output of `command`; a BenchmarkError naming `what` when it fails."""
    result = subprocess.run(  # noqa: S603 - our own fixed commands
        command, cwd=cwd, env=env, capture_output=True, text=True
    )
    if result.returncode:
        # The end of a traceback says what went wrong; the rest is noise here.
        output = (result.stderr.strip() or result.stdout.strip()).splitlines()
        raise BenchmarkError(
            f"{what} failed (exit {result.returncode}):\n" + "\n".join(output[-lines:])
        )
    return result.stdout.strip()


def manage(*args, env=None):
    """Run manage.py in a child process (its own settings), returning its output."""
    command = [PYTHON, str(ROOT / "manage.py"), *args]
    return output_of(command, what=f"manage.py {' '.join(args)}", env=env)


def migrate(env=None):
    manage("migrate", "--noinput", "-v", "0", env=env)


def generate(articles, experts, seed, env=None):
    """Migrate, then run and time generate_corpus; returns its wall time in seconds."""
    migrate(env)
    started = time.monotonic()
    output = manage(
        "generate_corpus", "--articles", str(articles), "--experts", str(experts),
        "--seed", str(seed), "--yes-i-know", env=env,
    )  # fmt: skip
    seconds = time.monotonic() - started
    log(output)
    log(f"generate_corpus: {seconds:.1f} s wall time (process start included)")
    return seconds


def vacuum_analyze():
    """
    What autovacuum would soon do after a bulk load: the planner's statistics, and the
    visibility map (the bulk index UPDATE left a dead version of every row). Needs
    Django set up in this process.
    """
    from django.db import connection

    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    log(f"VACUUM (ANALYZE): {time.monotonic() - started:.1f} s")


# Where the figures of the scripts other than serve.py start in RESULTS.md: a run of
# serve.py rewrites what comes before (benchmarks/report.py) and keeps them.
OTHER_FIGURES = "## Other figures"


def write_section(heading, text):
    """Put `text` in RESULTS.md in place of the section under `heading`, below
    OTHER_FIGURES (made if missing), the other sections kept."""
    path = ROOT / "benchmarks" / "RESULTS.md"
    before = path.read_text()
    if f"\n{OTHER_FIGURES}\n" not in before:
        before = before.rstrip() + f"\n\n{OTHER_FIGURES}\n"
    start = before.find(heading)
    if start >= 0:
        end = before.find("\n### ", start + len(heading))
        before = before[:start].rstrip() + ("\n\n" + before[end + 1 :] if end >= 0 else "")
    path.write_text(before.rstrip() + "\n\n" + text)
    log(f"written to {path}")


def head_commit():
    """The short hash of the checkout's HEAD, as a section of RESULTS.md names it."""
    return subprocess.run(  # noqa: S603
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
