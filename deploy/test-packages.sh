#!/usr/bin/env bash
# The Debian packages `make test` needs, installed when missing (`make test` runs this):
#   chromium         the browser tests drive Debian's /usr/bin/chromium (never a download)
#   fonts-noto-core  so that Arabic and Persian pages render in it with real glyphs
#   redis-server     the page cache's tests start a real Redis of their own
#   varnish          and a real Varnish in front of the site (tests/thinktank/test_varnish.py),
#   varnish-modules    with its xkey vmod (the keys pages are purged by)
#   gettext          the catalogue tests regenerate and compile the .po files
#   poppler-utils    the PDF edition's tests look at its pages as pictures (pdftoppm)
#   and the PDF edition's (deploy/pdf-packages.sh's PDF_PACKAGES: Pango's libraries for
#   WeasyPrint; fonts-noto-core is among them)
# As root it runs apt-get; otherwise it says in one line which command to run.
set -euo pipefail

# PDF_PACKAGES: Pango's libraries and fonts-noto-core.
# shellcheck source=deploy/pdf-packages.sh
. "${BASH_SOURCE[0]%/*}/pdf-packages.sh"

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
for package in "${PDF_PACKAGES[@]}"; do
    installed "$package" || need+=("$package")
done
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
installed varnish || need+=(varnish)
installed varnish-modules || need+=(varnish-modules)
command -v msgfmt >/dev/null 2>&1 && command -v xgettext >/dev/null 2>&1 || need+=(gettext)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ "${#need[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "make test needs Debian packages that are missing; run: sudo apt-get install --no-install-recommends ${need[*]}" >&2
    exit 1
fi
echo "make test: installing ${need[*]} (apt-get, once)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# No recommends: chromium's would pull in systemd, avahi, cups tools, ...
apt-get install -y -q --no-install-recommends -o Dpkg::Use-Pty=0 "${need[@]}"
