"""
The site as production runs it, for the scripts that load it from outside and break
what it runs on (benchmarks/faults.py, benchmarks/concurrency.py): the demo content on
a throwaway PostgreSQL cluster (benchmarks/cluster.py) and a throwaway Redis, static
files collected, under gunicorn (benchmarks/servers.py: two sync workers), with DEBUG
off and persistent database connections with health checks; a browser for it; and
the database and the cache it runs on, to stop and start again.
"""

import http.client
import os
import secrets
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from cluster import (
    PG_BIN,
    BenchmarkError,
    as_postgres,
    log,
    manage,
    migrate,
    throwaway_cluster,
)
from servers import gunicorn, redis_server, stop, tail

# The project is on the path once cluster is imported.
from tests.helpers.expertforms import page_form_data  # a form as a browser posts it
from tests.helpers.htmlpage import parse
from tests.helpers.servers import keep_cookies, request_body  # as a browser does

TIMEOUT = 30  # a client's patience, in seconds


# --- the site, as production runs it ------------------------------------------------------


def site_environment(database_url, redis_url, folder):
    """The environment of every command and of gunicorn: production's settings."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "thinktank.settings",
        "DEBUG": "0",
        "HTTPS": "0",  # plain HTTP on the loopback: no HSTS, no secure-only cookies
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DB_CONN_MAX_AGE": "60",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "LOG_LEVEL": "WARNING",
    }


@dataclass
class LiveSite:
    """The running site and what it runs on, for a script to load and to break."""

    env: dict
    folder: Path
    server: object  # servers.Site: its port and its log

    @property
    def port(self):
        return self.server.port

    @property
    def database_url(self):
        return self.env["DATABASE_URL"]

    @property
    def redis_url(self):
        return self.env["REDIS_URL"]


@contextmanager
def live_site(name):
    """
    The demo site under gunicorn on a throwaway cluster and Redis, with its static
    files collected; everything is stopped and removed at the end.
    """
    folder = Path(tempfile.mkdtemp(prefix=f"thinktank-{name}."))
    try:
        with throwaway_cluster() as database_url, redis_server(folder) as redis_url:
            env = site_environment(database_url, redis_url, folder)
            migrate(env)
            manage("collectstatic", "--noinput", "-v", "0", env=env)
            # The demo's accounts have a known password: load_demo runs with DEBUG
            # on, for this command only; the site itself runs with it off.
            log(manage("load_demo", env={**env, "DEBUG": "1"}).splitlines()[0])
            with gunicorn(name, env, folder) as server:
                log(f"the site under gunicorn on {server.url}")
                yield LiveSite(env, folder, server)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --- a browser ----------------------------------------------------------------------------


@dataclass
class Page:
    status: int
    location: str
    text: str


class Browser:
    """
    A client with its own cookies (signed in once it has logged in), one connection per
    request (gunicorn's sync workers close each one).
    """

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, data=None):
        body, headers = request_body(self.cookies, data)
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            payload = response.read()
        finally:
            connection.close()
        keep_cookies(self.cookies, response)
        location = response.headers.get("Location", "")
        return Page(response.status, location, payload.decode("utf-8", errors="replace"))

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data):
        return self.request("POST", path, data)

    def log_in(self, username, password):
        page = self.get("/admin/login/")
        token = page_form_data(parse(page.text), "login-form")["csrfmiddlewaretoken"]
        answer = self.post(
            "/admin/login/?next=/admin/",
            {"username": username, "password": password, "csrfmiddlewaretoken": token},
        )
        if answer.status != 302:
            raise BenchmarkError(f"{username} could not log in (answered {answer.status})")


def messages(page, level):
    """The admin's messages of `level` ("success", "error") on `page`."""
    return [item.text for item in parse(page.text).find_all("li", cls=level)]


# --- what the site runs on, stopped and started again -------------------------------------


class Database:
    """The throwaway cluster behind `url`, stopped and started with pg_ctl as its owner."""

    def __init__(self, url):
        import psycopg

        self.url = url
        with psycopg.connect(url) as connection:
            self.data = Path(connection.execute("SHOW data_directory").fetchone()[0])
        self.folder = self.data.parent

    def stop(self):
        as_postgres(self.folder, PG_BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def start(self):
        """Start it without waiting: `wait_until_accepting` says when it takes connections."""
        as_postgres(
            self.folder, PG_BIN / "pg_ctl", "-D", self.data, "-l", self.folder / "server.log",
            "-W", "start",
        )  # fmt: skip

    def accepts_connections(self):
        import psycopg

        try:
            with psycopg.connect(self.url, connect_timeout=1) as connection:
                connection.execute("SELECT 1")
            return True
        except psycopg.OperationalError:
            return False

    def wait_until_accepting(self, timeout=60):
        deadline = time.monotonic() + timeout
        while not self.accepts_connections():
            if time.monotonic() > deadline:
                raise BenchmarkError(
                    f"PostgreSQL did not come back:\n{tail(self.folder / 'server.log')}"
                )
            time.sleep(0.02)
        return time.monotonic()

    def ensure_running(self):
        if not self.accepts_connections():
            self.start()
            self.wait_until_accepting()


class Cache:
    """
    The throwaway Redis behind `url`: stopped with SHUTDOWN NOSAVE (it keeps nothing),
    then a new redis-server on the same port, which this object stops at the end.
    """

    def __init__(self, url, folder):
        import redis

        self.client = redis.Redis.from_url(url)
        self.port = self.client.connection_pool.connection_kwargs["port"]
        self.folder = folder
        self.process = None

    def stop(self):
        self.client.shutdown(nosave=True)

    def start(self):
        import redis

        with open(self.folder / "redis-again.log", "w") as output:
            self.process = subprocess.Popen(  # noqa: S603
                [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1",
                 "--save", "", "--appendonly", "no", "--dir", str(self.folder)],
                stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + 10
        while True:
            with suppress(redis.ConnectionError):
                self.client.ping()
                return
            if time.monotonic() > deadline:
                raise BenchmarkError("Redis did not start again")
            time.sleep(0.05)

    def close(self):
        if self.process is not None:
            stop(self.process, "redis-server (restarted)")
