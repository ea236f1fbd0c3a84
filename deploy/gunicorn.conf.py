"""
gunicorn's settings for thinktank (`make serve`, or `gunicorn -c deploy/gunicorn.conf.py`
on each app server). Everything an operator tunes is an environment variable.
"""

import os

wsgi_app = "thinktank.wsgi:application"
proc_name = "thinktank"

bind = [f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"]

# Sync workers: a page is CPU work in Python plus short database and cache round trips,
# so one process per core (two by default) serves best; slow clients are the load
# balancer's business, which buffers them. GUNICORN_THREADS above 1 gives each worker
# that many threads (gunicorn's gthread workers, which also keep connections alive):
# every per-request state is per thread (thinktank.connection_hooks, contextvars).
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"

# The app is loaded once in the master and forked, so workers share its memory and
# start at once; database and cache connections are opened in each worker, lazily.
preload_app = True

# A request taking longer than this is killed (and logged as a worker timeout).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On a restart or a stop, workers finish the requests in hand for up to this long.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Workers are replaced after this many requests, at jittered counts so they do not all
# restart at once: a slow leak cannot grow without bound. Not much sooner: at the rate
# cached pages are served, 2,000 replaced a worker every few seconds, and the requests
# waiting for the new one made the whole slow tail (benchmarks/RESULTS.md).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "5000"))

# No control socket (gunicornc): nothing here uses it, and every gunicorn on a machine
# would otherwise claim the same one in the home folder.
control_socket_disable = True

# No access log of gunicorn's own: thinktank.logging writes one structured line per
# request. Errors (worker starts, timeouts) go to stderr.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
