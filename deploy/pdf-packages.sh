#!/usr/bin/env bash
# The Debian packages the PDF edition needs (docs/pdf-edition.md), installed when missing;
# `make run`, `make serve` and `make test` (deploy/test-packages.sh) run this:
#   libpango-1.0-0, libpangoft2-1.0-0, libharfbuzz-subset0
#                    WeasyPrint lays out text with Pango and subsets the fonts it embeds
#   fonts-noto-core  the fonts the PDF is set in: Noto Serif and Noto Sans, Noto Naskh
#                    Arabic and Noto Sans Arabic (their text layer reads back as written)
# As root it runs apt-get; otherwise it says in one line which command to run.
# deploy/test-packages.sh sources it for PDF_PACKAGES only, to ask for them in its one line.
PDF_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core)
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    return 0
fi
set -euo pipefail

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

need=()
for package in "${PDF_PACKAGES[@]}"; do
    installed "$package" || need+=("$package")
done
[ "${#need[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "the PDF edition needs Debian packages that are missing; run: sudo apt-get install --no-install-recommends ${need[*]}" >&2
    exit 1
fi
echo "PDF edition: installing ${need[*]} (apt-get, once)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends -o Dpkg::Use-Pty=0 "${need[@]}"
