#!/usr/bin/env bash
# A PostgreSQL and a Redis of the site's own, on this machine, for `make serve`.
#
#   deploy/local-services.sh start [postgres] [redis]   start them (both by default)
#   deploy/local-services.sh stop                       stop whichever is running
#   deploy/local-services.sh status
#
# Their data, logs and generated passwords live in .serve/ (SERVE_DIR), which git
# ignores; `start` writes .serve/services.env with the DATABASE_URL and REDIS_URL to
# reach them. Both listen on loopback only, on ports picked once (free at the time,
# or SERVE_PG_PORT / SERVE_REDIS_PORT) and kept in .serve/ports.env. As root, the
# Debian packages `postgresql` and `redis-server` are installed when missing, and the
# servers run as their own users (postgres, redis), never as root.
#
# PostgreSQL keeps its data across restarts. Redis is the cache only: nothing is
# saved to disk, and it evicts the least recently used keys when full.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVE_DIR="${SERVE_DIR:-$ROOT/.serve}"
PG_DATA="$SERVE_DIR/postgres"
PG_RUN="$SERVE_DIR/postgres-run"
REDIS_DIR="$SERVE_DIR/redis"
PORTS="$SERVE_DIR/ports.env"
SECRETS="$SERVE_DIR/credentials.env"
ENV_FILE="$SERVE_DIR/services.env"
REDIS_MAXMEMORY="${SERVE_REDIS_MAXMEMORY:-256mb}"

say() { printf 'local-services: %s\n' "$*"; }
die() {
    printf 'local-services: %s\n' "$*" >&2
    exit 1
}
is_root() { [ "$(id -u)" -eq 0 ]; }

# run_as USER CMD...: as that user when we are root, else as ourselves.
run_as() {
    local user="$1"
    shift
    if is_root; then
        (cd / && runuser -u "$user" -- "$@")
    else
        "$@"
    fi
}

pg_bin() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && printf '%s\n' "$dir"
}

install_packages() {
    local need=()
    pg_bin >/dev/null || need+=(postgresql)
    command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 ||
        need+=(redis-server)
    [ "${#need[@]}" -eq 0 ] && return 0
    is_root || die "missing ${need[*]}: install them (apt-get install ${need[*]}) or run as root"
    say "installing ${need[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${need[@]}"
}

random_hex() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }

free_port() {
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

# The ports and passwords, chosen once and kept.
load_settings() {
    mkdir -p "$SERVE_DIR"
    chmod 755 "$SERVE_DIR" # the postgres and redis users reach their folders through it
    if [ ! -f "$PORTS" ]; then
        printf 'PG_PORT=%s\nREDIS_PORT=%s\n' "${SERVE_PG_PORT:-$(free_port)}" \
            "${SERVE_REDIS_PORT:-$(free_port)}" >"$PORTS"
    fi
    if [ ! -f "$SECRETS" ]; then
        (
            umask 077
            printf 'PG_PASSWORD=%s\nREDIS_PASSWORD=%s\n' "$(random_hex)" "$(random_hex)" >"$SECRETS"
        )
    fi
    # shellcheck disable=SC1090
    . "$PORTS"
    # shellcheck disable=SC1090
    . "$SECRETS"
}

# --- PostgreSQL ----------------------------------------------------------------------

pg_running() {
    local bin
    bin="$(pg_bin)" || return 1
    [ -f "$PG_DATA/PG_VERSION" ] && run_as postgres "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

pg_psql() {
    run_as postgres "$(pg_bin)/psql" -h "$PG_RUN" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

start_postgres() {
    local bin
    bin="$(pg_bin)" || die "PostgreSQL is not installed"
    mkdir -p "$PG_DATA" "$PG_RUN"
    if is_root; then
        chown postgres:postgres "$PG_DATA" "$PG_RUN"
    fi
    chmod 700 "$PG_DATA" "$PG_RUN"
    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
        say "initdb $PG_DATA"
        # The socket (in a folder only the server's user can open) trusts its user, for
        # this script; TCP, on loopback only, asks for the password.
        # initdb wants the superuser's password when TCP asks for one; nothing uses it.
        (umask 077 && random_hex >"$PG_RUN/pwfile")
        is_root && chown postgres "$PG_RUN/pwfile"
        run_as postgres "$bin/initdb" -D "$PG_DATA" -U postgres --pwfile="$PG_RUN/pwfile" \
            --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 \
            >"$SERVE_DIR/initdb.log"
        rm -f "$PG_RUN/pwfile"
        cat >>"$PG_DATA/postgresql.conf" <<EOF

# thinktank: make serve (deploy/local-services.sh)
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_RUN'
shared_buffers = 512MB
effective_cache_size = 4GB
work_mem = 16MB
EOF
    fi
    if pg_running; then
        say "PostgreSQL already running on 127.0.0.1:$PG_PORT"
    else
        say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
        run_as postgres "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 start \
            >/dev/null || {
            tail -n 20 "$PG_DATA/server.log" >&2
            die "PostgreSQL did not start"
        }
    fi
    if [ "$(pg_psql -c "SELECT 1 FROM pg_roles WHERE rolname = 'thinktank'")" != 1 ]; then
        pg_psql -c "CREATE ROLE thinktank LOGIN PASSWORD '$PG_PASSWORD'"
    fi
    if [ "$(pg_psql -c "SELECT 1 FROM pg_database WHERE datname = 'thinktank'")" != 1 ]; then
        pg_psql -c "CREATE DATABASE thinktank OWNER thinktank"
    fi
}

stop_postgres() {
    if pg_running; then
        say "stopping PostgreSQL"
        run_as postgres "$(pg_bin)/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null
    fi
}

# --- Redis ---------------------------------------------------------------------------

redis_cli() { REDISCLI_AUTH="$REDIS_PASSWORD" redis-cli -h 127.0.0.1 -p "$REDIS_PORT" "$@"; }

redis_running() { [ -n "${REDIS_PORT:-}" ] && redis_cli ping 2>/dev/null | grep -q PONG; }

start_redis() {
    local user=redis
    is_root && id -u redis >/dev/null 2>&1 || user="$(id -un)"
    mkdir -p "$REDIS_DIR"
    (
        umask 077
        cat >"$REDIS_DIR/redis.conf" <<EOF
# thinktank: make serve (deploy/local-services.sh). The cache only: nothing on disk.
bind 127.0.0.1
protected-mode yes
port $REDIS_PORT
requirepass $REDIS_PASSWORD
daemonize yes
pidfile $REDIS_DIR/redis.pid
logfile $REDIS_DIR/redis.log
dir $REDIS_DIR
save ""
appendonly no
maxmemory $REDIS_MAXMEMORY
maxmemory-policy allkeys-lru
EOF
    )
    if is_root; then
        chown -R "$user" "$REDIS_DIR"
    fi
    if redis_running; then
        say "Redis already running on 127.0.0.1:$REDIS_PORT"
        return 0
    fi
    say "starting Redis on 127.0.0.1:$REDIS_PORT"
    run_as "$user" redis-server "$REDIS_DIR/redis.conf"
    for _ in $(seq 50); do
        redis_running && return 0
        sleep 0.1
    done
    tail -n 20 "$REDIS_DIR/redis.log" >&2 || true
    die "Redis did not start"
}

stop_redis() {
    if redis_running; then
        say "stopping Redis"
        redis_cli shutdown nosave >/dev/null 2>&1 || true
    fi
}

# --- commands ------------------------------------------------------------------------

write_env() {
    (
        umask 077
        {
            printf 'DATABASE_URL=postgres://thinktank:%s@127.0.0.1:%s/thinktank\n' \
                "$PG_PASSWORD" "$PG_PORT"
            printf 'REDIS_URL=redis://:%s@127.0.0.1:%s/0\n' "$REDIS_PASSWORD" "$REDIS_PORT"
        } >"$ENV_FILE"
    )
}

command="${1:-}"
[ $# -gt 0 ] && shift
case "$command" in
start)
    services=("$@")
    [ "${#services[@]}" -eq 0 ] && services=(postgres redis)
    install_packages
    load_settings
    for service in "${services[@]}"; do
        case "$service" in
        postgres) start_postgres ;;
        redis) start_redis ;;
        *) die "unknown service: $service (postgres, redis)" ;;
        esac
    done
    write_env
    ;;
stop)
    [ -f "$PORTS" ] || exit 0
    load_settings
    stop_redis
    stop_postgres
    ;;
status)
    [ -f "$PORTS" ] || {
        say "nothing set up in $SERVE_DIR"
        exit 0
    }
    load_settings
    if pg_running; then say "PostgreSQL: running on 127.0.0.1:$PG_PORT"; else say "PostgreSQL: stopped"; fi
    if redis_running; then say "Redis: running on 127.0.0.1:$REDIS_PORT"; else say "Redis: stopped"; fi
    ;;
*)
    die "usage: $0 start [postgres] [redis] | stop | status"
    ;;
esac
