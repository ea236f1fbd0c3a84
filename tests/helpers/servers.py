"""
Real servers for the tests that need one: a throwaway redis-server, a varnishd in front
of pytest-django's live_server (tests/helpers/varnish.py), and the site itself
(migrated, with the demo) under runserver or gunicorn, on a database of its own, with a
client that keeps one connection open as a browser does.
"""

import http.client
import os
import secrets
import shutil
import socket
import subprocess
import sys
import uuid
from contextlib import contextmanager
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest

from tests.helpers.expertforms import page_form_data
from tests.helpers.htmlpage import parse
from tests.helpers.ports import free_port, wait_for_port
from tests.helpers.processes import REPO, python
from tests.helpers.varnish import Varnish

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


@pytest.fixture
def redis_server():
    """A throwaway redis-server for one test (a pytest plugin: tests/conftest.py)."""
    server = RedisServer()
    server.start()
    yield server
    server.stop()


class RedisServer:
    """A throwaway redis-server on a loopback port, with nothing written to disk."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        command = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(  # noqa: S603 - a fixed command
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        wait_for_port(self.port, self.process, timeout=10)

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def varnish(live_server, settings):
    """A throwaway varnishd (deploy/varnish.vcl) in front of live_server, which purges it
    (a repurge 0.2 s after each purge, waited for at the end)."""
    from thinktank import shared_cache

    server = Varnish(int(live_server.url.rsplit(":", 1)[1]))
    server.start()
    settings.SHARED_CACHE_PURGE_URLS = [f"{server.url}/"]
    settings.SHARED_CACHE_REPURGE_SECONDS = 0.2
    yield server
    shared_cache._repurges.wait()
    server.stop()


# --- the site on a database of its own ---------------------------------------------------


@contextmanager
def site_database(folder):
    """
    The URL of an empty database for a site started by a test: a SQLite file in
    `folder`, or, when the tests run on PostgreSQL (DATABASE_URL), a new database on
    the same server, dropped at the end.
    """
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{folder / 'site.sqlite3'}"
        return
    import psycopg  # only on PostgreSQL runs

    name = f"thinktank_site_{uuid.uuid4().hex[:12]}"
    base, _, _ = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def site_environment(database_url, **overrides):
    """The environment of a site started by a test: production's settings on `database_url`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "PYTEST_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="thinktank.settings",
        DEBUG="0",
        HTTPS="0",
        SECRET_KEY=secrets.token_urlsafe(40),
        DATABASE_URL=database_url,
        LOG_LEVEL="INFO",
        STATIC_STORAGE="plain",  # no collectstatic: static files as they are
    )
    env.update(overrides)
    return env


def manage(*args, env):
    """`manage.py <args>` in a process of its own; its output, or an error with it."""
    result = python(["manage.py", *args], env, timeout=600)
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def prepare_site(env):
    """Migrate the site's database and load the demo (whose accounts load_demo makes)."""
    manage("migrate", "--noinput", env=env)
    manage("load_demo", env={**env, "DEBUG": "1"})


class Server:
    """A server process of the site, started by a test; its log is kept in a file."""

    def __init__(self, command, env, folder):
        self.port = free_port()
        self.log_path = folder / f"server-{self.port}.log"
        command = [part.replace("{port}", str(self.port)) for part in command]
        env = {**env, "HOST": "127.0.0.1", "PORT": str(self.port)}  # gunicorn's
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own commands
                command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        try:
            wait_for_port(self.port, self.process)
        except RuntimeError:
            self.stop()
            raise RuntimeError(self.log()) from None

    def log(self):
        return self.log_path.read_text(errors="replace")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@contextmanager
def running(command, env, folder):
    server = Server(command, env, folder)
    try:
        yield server
    finally:
        server.stop()


RUNSERVER = [sys.executable, "manage.py", "runserver", "--noreload", "127.0.0.1:{port}"]
GUNICORN = [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"]


# --- a browser that keeps its connection -------------------------------------------------


def request_body(cookies, data=None, headers=()):
    """A request's body and headers, as a browser sends `data` (a form) with `cookies`."""
    headers = dict(headers)
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    body = None
    if data is not None:
        body = urlencode(data, doseq=True)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    return body, headers


def keep_cookies(cookies, response):
    """Update `cookies` as a browser does from `response`'s Set-Cookie headers."""
    for header in response.headers.get_all("Set-Cookie") or []:
        cookie = SimpleCookie()
        cookie.load(header)
        for name, morsel in cookie.items():
            if morsel["max-age"] == "0":
                cookies.pop(name, None)  # deleted (the messages, once shown)
            else:
                cookies[name] = morsel.value


class Answer:
    def __init__(self, response, body):
        self.status = response.status
        self.headers = response.headers
        self.text = body.decode("utf-8", errors="replace")


class KeepAliveClient:
    """
    An HTTP/1.1 client with its own cookies that sends every request on one connection
    while the server keeps it open, as a browser does; `connections` counts the ones
    it had to open.
    """

    def __init__(self, port, timeout=30):
        self.port = port
        self.timeout = timeout
        self.cookies = {}
        self.connections = 0
        self._connection = None

    def request(self, method, path, data=None, headers=()):
        body, headers = request_body(self.cookies, data, headers)
        reused = self._connection is not None and self._connection.sock is not None
        try:
            response = self._send(method, path, body, headers)
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # The server closed an idle kept connection as the request went out (its
            # keep-alive timeout): no answer came, so send it again on a new one, as
            # browsers do.
            if not reused:
                raise
            self._connection.close()
            response = self._send(method, path, body, headers)
        answer = Answer(response, response.read())
        keep_cookies(self.cookies, response)
        return answer

    def _send(self, method, path, body, headers):
        if self._connection is None or self._connection.sock is None:
            self._connection = http.client.HTTPConnection("127.0.0.1", self.port, self.timeout)
            self._connection.connect()
            self.connections += 1
        self._connection.request(method, path, body=body, headers=headers)
        # Acknowledge at once: a server that writes headers and body apart (runserver)
        # would otherwise wait for the delayed ACK, 40 ms a request.
        self._connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        return self._connection.getresponse()

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data):
        return self.request("POST", path, data, headers={"Referer": self.origin + path})

    @property
    def origin(self):
        return f"http://127.0.0.1:{self.port}"

    def log_in(self, username, password="changeme"):  # noqa: S107 - the demo's
        page = self.get("/admin/login/")
        token = page_form_data(parse(page.text), "login-form")["csrfmiddlewaretoken"]
        answer = self.post(
            "/admin/login/?next=/admin/",
            {"username": username, "password": password, "csrfmiddlewaretoken": token},
        )
        assert answer.status == 302, f"{username} could not log in ({answer.status})"

    def close(self):
        if self._connection is not None:
            self._connection.close()
