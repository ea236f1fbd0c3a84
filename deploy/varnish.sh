#!/usr/bin/env bash
# Varnish in front of the site's gunicorn, for `make serve VARNISH=1` (deploy/serve.sh).
#
#   deploy/varnish.sh start    start varnishd in front of HOST:PORT (gunicorn's address)
#   deploy/varnish.sh stop     stop it and remove its working folder
#
# It runs deploy/varnish.vcl with the backend put at HOST:PORT, listens on HOST at
# VARNISH_PORT (a free port unless given), keeps pages in memory (VARNISH_MEMORY,
# 256m), and works in .serve/varnish/ (SERVE_DIR), where `start` writes varnish.env:
# VARNISH_PORT, and VARNISH_PURGE_URLS for the site to purge it. As root, Debian's
# varnish and varnish-modules (the xkey vmod) are installed when missing, and varnishd
# runs its cache process as Debian's own user for it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVE_DIR="${SERVE_DIR:-$ROOT/.serve}"
DIR="$SERVE_DIR/varnish"
HOST="${HOST:-127.0.0.1}" PORT="${PORT:-8000}"

say() { printf 'varnish: %s\n' "$*"; }
die() {
    printf 'varnish: %s\n' "$*" >&2
    exit 1
}
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

install_packages() {
    local need=()
    installed varnish || need+=(varnish)
    installed varnish-modules || need+=(varnish-modules)
    [ "${#need[@]}" -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] || die "missing ${need[*]}: run sudo apt-get install --no-install-recommends ${need[*]}"
    say "installing ${need[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${need[@]}"
}

free_port() {
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

start() {
    install_packages
    stop_running
    mkdir -p "$DIR"
    chmod 755 "$SERVE_DIR" "$DIR" # varnishd's own users read the VCL here
    local port="${VARNISH_PORT:-$(free_port)}"
    # deploy/varnish.vcl with its backend at gunicorn's address.
    sed -e "s/^\(\s*\.host = \)\"127\.0\.0\.1\";/\1\"$HOST\";/" \
        -e "s/^\(\s*\.port = \)\"8000\";/\1\"$PORT\";/" "$ROOT/deploy/varnish.vcl" >"$DIR/site.vcl"
    grep -q "\.port = \"$PORT\";" "$DIR/site.vcl" || die "deploy/varnish.vcl: no backend port to set"
    chmod 644 "$DIR/site.vcl"
    say "starting varnishd on $HOST:$port in front of $HOST:$PORT"
    varnishd -n "$DIR/work" -P "$DIR/varnishd.pid" -f "$DIR/site.vcl" -a "$HOST:$port" \
        -T 127.0.0.1:0 -s "malloc,${VARNISH_MEMORY:-256m}" >"$DIR/varnishd.log" 2>&1 || {
        cat "$DIR/varnishd.log" >&2
        die "varnishd did not start"
    }
    printf 'VARNISH_PORT=%s\nVARNISH_PURGE_URLS=http://%s:%s/\n' "$port" "$HOST" "$port" \
        >"$DIR/varnish.env"
}

stop_running() {
    local pid
    [ -s "$DIR/varnishd.pid" ] || return 0
    pid="$(cat "$DIR/varnishd.pid")"
    if kill -0 "$pid" 2>/dev/null; then
        say "stopping varnishd ($pid)"
        kill "$pid"
        for _ in $(seq 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
    fi
    rm -f "$DIR/varnishd.pid"
}

case "${1:-}" in
start) start ;;
stop)
    stop_running
    rm -rf "$DIR"
    ;;
*) die "usage: $0 start | stop" ;;
esac
