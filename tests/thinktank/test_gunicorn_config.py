"""deploy/gunicorn.conf.py, as gunicorn reads it, from the environment."""

import os

from tests.helpers.processes import python

READ = """
from gunicorn.app.base import Application

class Probe(Application):
    def init(self, parser, opts, args):
        return None

    def load(self):
        return None

probe = Probe("%(prog)s")
probe.load_config_from_file("deploy/gunicorn.conf.py")
cfg = probe.cfg
print(cfg.bind, cfg.workers, cfg.worker_class_str, cfg.preload_app, cfg.accesslog,
      cfg.max_requests, cfg.max_requests_jitter, cfg.timeout, cfg.graceful_timeout,
      cfg.control_socket_disable, cfg.wsgi_app, cfg.threads)
"""


def gunicorn_settings(**env):
    base = {
        key: value
        for key, value in os.environ.items()
        if key not in {"HOST", "PORT", "WEB_CONCURRENCY"} and not key.startswith("GUNICORN_")
    }
    result = python(["-c", READ], {**base, **env}, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_defaults_two_sync_workers_on_loopback_without_an_access_log():
    assert gunicorn_settings() == [
        "['127.0.0.1:8000']",
        "2",
        "sync",
        "True",
        "None",
        "50000",
        "5000",
        "30",
        "30",
        "True",
        "thinktank.wsgi:application",
        "1",
    ]


def test_workers_and_address_from_the_environment():
    bind, workers = gunicorn_settings(HOST="127.0.0.2", PORT="9000", WEB_CONCURRENCY="5")[:2]
    assert (bind, workers) == ("['127.0.0.2:9000']", "5")


def test_threads_make_gthread_workers():
    settings = gunicorn_settings(WEB_CONCURRENCY="3", GUNICORN_THREADS="4")
    assert (settings[1], settings[2], settings[-1]) == ("3", "gthread", "4")
