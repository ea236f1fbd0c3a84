#!/usr/bin/env bash
# axe-core, the accessibility checker the browser tests inject into the admin's pages
# (tests/helpers/axe.py), installed when missing (`make test` runs this) into
# .cache/axe/ (git-ignored), at the version pinned here, with npm from the npm registry.
# Without node and npm it says how to install them and fails: the tests never skip axe.
set -euo pipefail

AXE_VERSION=4.14.1
ROOT="$(cd "${BASH_SOURCE[0]%/*}/.." && pwd)"
PREFIX="$ROOT/.cache/axe"
PACKAGE="$PREFIX/node_modules/axe-core/package.json"

installed_version() {
    [ -f "$PACKAGE" ] && sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$PACKAGE" | head -n 1
}
[ "$(installed_version || true)" = "$AXE_VERSION" ] && exit 0

if ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "make test needs npm to install axe-core $AXE_VERSION; run: sudo apt-get install --no-install-recommends nodejs npm" >&2
        exit 1
    fi
    echo "make test: installing nodejs npm (apt-get, once)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends -o Dpkg::Use-Pty=0 nodejs npm
fi

echo "make test: installing axe-core $AXE_VERSION into .cache/axe (npm, once)"
mkdir -p "$PREFIX"
npm install --prefix "$PREFIX" "axe-core@$AXE_VERSION" --no-audit --no-fund --no-save --loglevel=error
if [ "$(installed_version || true)" != "$AXE_VERSION" ]; then
    echo "make test: axe-core $AXE_VERSION is not in $PREFIX after npm install" >&2
    exit 1
fi
