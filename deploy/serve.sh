#!/usr/bin/env bash
# `make serve`: the site as production runs it, on this machine.
#
# gunicorn (deploy/gunicorn.conf.py) with DEBUG off, static files fingerprinted and
# gzipped by `collectstatic` and served by WhiteNoise. Without DATABASE_URL or
# REDIS_URL, a PostgreSQL and a Redis of the site's own are started first
# (deploy/local-services.sh; `make services-stop` stops them). The database is
# migrated, gets the demo content when it has no content yet, and the address and the
# demo accounts are printed; then gunicorn runs in the foreground (Ctrl-C stops it).
# With VARNISH=1, Varnish runs in front of it (deploy/varnish.sh: deploy/varnish.vcl, on
# VARNISH_PORT or a free port), the site purges it, and Ctrl-C stops both.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SERVE_DIR="${SERVE_DIR:-$ROOT/.serve}"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
export HOST="${HOST:-127.0.0.1}" PORT="${PORT:-8000}"

say() { printf 'serve: %s\n' "$*"; }

export DEBUG=0
# The site is reached over plain http on this machine; behind a TLS-terminating proxy
# set HTTPS=1 (and SECURE_PROXY_SSL_HEADER=1).
export HTTPS="${HTTPS:-0}"
# Each worker keeps its database connection between requests.
export DB_CONN_MAX_AGE="${DB_CONN_MAX_AGE:-60}"
export STATIC_STORAGE="${STATIC_STORAGE:-manifest}"
# One machine, uploads on its disk: Django serves them itself. Many machines keep them
# on S3-compatible storage (MEDIA_STORAGE=s3) instead.
if [ "${MEDIA_STORAGE:-filesystem}" != s3 ]; then
    export SERVE_MEDIA="${SERVE_MEDIA:-1}"
fi

mkdir -p "$SERVE_DIR"
if [ -z "${SECRET_KEY:-}" ]; then
    if [ ! -s "$SERVE_DIR/secret_key" ]; then
        (umask 077 && "$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(50))' \
            >"$SERVE_DIR/secret_key")
        say "generated a SECRET_KEY in $SERVE_DIR/secret_key"
    fi
    SECRET_KEY="$(cat "$SERVE_DIR/secret_key")"
    export SECRET_KEY
fi

services=()
[ -n "${DATABASE_URL:-}" ] || services+=(postgres)
[ -n "${REDIS_URL:-}" ] || services+=(redis)
if [ "${#services[@]}" -gt 0 ]; then
    SERVE_DIR="$SERVE_DIR" "$ROOT/deploy/local-services.sh" start "${services[@]}"
    while IFS='=' read -r name value; do
        # Only what was not given: a DATABASE_URL or REDIS_URL set by the caller stays.
        if [ -z "${!name:-}" ]; then
            export "$name=$value"
        fi
    done <"$SERVE_DIR/services.env"
fi

if [ "${VARNISH:-0}" = 1 ]; then
    SERVE_DIR="$SERVE_DIR" "$ROOT/deploy/varnish.sh" start
    trap 'SERVE_DIR="$SERVE_DIR" "$ROOT/deploy/varnish.sh" stop' EXIT
    set -a
    # shellcheck disable=SC1091
    . "$SERVE_DIR/varnish/varnish.env"
    set +a
fi

manage() { "$PYTHON" manage.py "$@"; }

say "collectstatic"
manage collectstatic --noinput --verbosity 0
say "migrate"
manage migrate --noinput --verbosity 0

# One line from a snippet run with the site's settings (the last: nothing else counts).
ask() { manage shell -c "$1" | tail -n 1; }

if [ "$(ask 'from articles.models import Article; print(int(Article.objects.exists()))')" != 1 ]; then
    say "empty database: loading the demo content"
    # load_demo refuses to run unless DEBUG is on (its accounts have a known password).
    DEBUG=1 manage load_demo --base-url "http://$HOST:$PORT"
fi
demo_article="$(ask '
from articles.demo.reference import MAIN_SLUG
from articles.models import Article
from django.contrib.auth.models import User
article = Article.objects.filter(language="en", slug=MAIN_SLUG).first()
demo = article and User.objects.filter(username="admin").exists()
print(article.get_absolute_url() if demo else "")
')"

cat <<EOF

  thinktank is served at http://$HOST:$PORT/
  gunicorn, ${WEB_CONCURRENCY:-2} sync workers, DEBUG off; database ${DATABASE_URL%%://*} at ${DATABASE_URL##*@}, cache Redis at ${REDIS_URL##*@}
EOF
if [ -n "${VARNISH_PORT:-}" ]; then
    cat <<EOF
  through Varnish (deploy/varnish.vcl) at http://$HOST:$VARNISH_PORT/ (X-Cache: HIT or MISS)
EOF
fi
if [ -n "$demo_article" ]; then
    cat <<EOF
  demo article: http://$HOST:$PORT$demo_article
  demo accounts, password "changeme" (for local use only; /admin/):
    admin            superuser
    editor           Editors: everything on content, publishing included
    contributor      Contributors: write drafts and submit them for review
    expert-manager   Expert managers: experts and programs only
EOF
fi
cat <<'EOF'
  Ctrl-C stops the site; `make services-stop` stops the local PostgreSQL and Redis.

EOF

if [ -n "${VARNISH_PORT:-}" ]; then
    "$ROOT/.venv/bin/gunicorn" --config "$ROOT/deploy/gunicorn.conf.py" # then the trap stops Varnish
else
    exec "$ROOT/.venv/bin/gunicorn" --config "$ROOT/deploy/gunicorn.conf.py"
fi
