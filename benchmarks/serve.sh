#!/usr/bin/env bash
# The serving benchmark (benchmarks/serve.py; its options, e.g. --articles 20000 --keep,
# are passed on): run as root for its throwaway PostgreSQL cluster. See README.md here.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$ROOT/.venv/bin/python" "$ROOT/benchmarks/serve.py" "$@"
