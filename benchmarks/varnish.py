"""
Hits through Varnish (deploy/varnish.vcl) against nginx serving the same bytes as a
file: requests per second of one article page under `wrk -t2 -c8`, gzipped (as every
browser asks) and not, and the ratio (issue 16's target: at least 50 %). Beside them,
the same page from the site itself (gunicorn, Django's page cache): what each hit would
cost if Varnish revalidated every one with the site (docs/page-cache.md).

    make serve VARNISH=1          # in another terminal: prints both addresses
    .venv/bin/python benchmarks/varnish.py --varnish http://127.0.0.1:VPORT \\
        --site http://127.0.0.1:8000 --path /policy-analysis/some-article

Needs Debian's nginx and wrk. nginx runs from a temporary folder and is stopped at
the end.
"""

import argparse
import gzip
import http.client
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from cluster import BenchmarkError, log
from load import LoadResult, LoadSettings, run_wrk
from servers import stop

from tests.helpers.ports import free_port, wait_for_port

GZIP = "Accept-Encoding: gzip"
NGINX_CONF = """
daemon off;
worker_processes auto;
error_log {folder}/error.log;
pid {folder}/nginx.pid;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type text/html;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    gzip_static on;
    client_body_temp_path {folder}/tmp;
    proxy_temp_path {folder}/tmp;
    fastcgi_temp_path {folder}/tmp;
    uwsgi_temp_path {folder}/tmp;
    scgi_temp_path {folder}/tmp;
    server {{
        listen 127.0.0.1:{port};
        root {folder}/root;
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
}}
"""


def fetch(base_url, path, headers=()):
    """(headers, body) of a GET; the body as sent (gzipped when asked)."""
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    try:
        connection.request("GET", path, headers=dict(h.split(": ", 1) for h in headers))
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise BenchmarkError(f"{base_url}{path} answered {response.status}")
        return response.headers, body
    finally:
        connection.close()


def nginx(folder, path, page):
    """nginx on a free port serving `page` (gzipped) at `path`, as index.html(.gz)."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        raise BenchmarkError("nginx is missing: install Debian's nginx")
    port = free_port()
    place = folder / "root" / path.strip("/") / "index.html"
    place.parent.mkdir(parents=True)
    place.write_bytes(gzip.decompress(page))
    place.with_name("index.html.gz").write_bytes(page)
    (folder / "tmp").mkdir()
    for item in [folder.parent, folder, *folder.rglob("*")]:
        item.chmod(0o755 if item.is_dir() else 0o644)  # nginx's workers run as nobody
    conf = folder / "nginx.conf"
    conf.write_text(NGINX_CONF.format(folder=folder, port=port))
    process = subprocess.Popen(  # noqa: S603 - a fixed command
        [binary, "-c", str(conf), "-p", str(folder)], start_new_session=True
    )
    wait_for_port(port, process, timeout=10)
    return process, f"http://127.0.0.1:{port}"


def measure(base_url, paths_file, settings, headers):
    """Requests per second, over the settings' rounds."""
    result = LoadResult()
    for _ in range(settings.rounds):
        result.add(run_wrk(base_url, paths_file, settings, headers=headers))
    if result.errors:
        raise BenchmarkError(f"{result.errors} errors at {base_url}")
    return result.per_second


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--varnish", required=True, help="Varnish's address")
    parser.add_argument("--site", help="the site's own address (gunicorn), for comparison")
    parser.add_argument("--path", required=True, help="an article page's path")
    parser.add_argument("--seconds", type=int, default=15, help="of load per measure")
    args = parser.parse_args()
    settings = LoadSettings(threads=2, connections=8, duration=args.seconds, rounds=3)
    headers, page = fetch(args.varnish, args.path, [GZIP])
    headers, page = fetch(args.varnish, args.path, [GZIP])
    if headers.get("X-Cache") != "HIT" or headers.get("Content-Encoding") != "gzip":
        raise BenchmarkError(f"not a gzipped Varnish hit: {dict(headers)}")
    log(f"{args.path}: {len(page)} bytes gzipped; {settings.describe()}")
    with tempfile.TemporaryDirectory(prefix="thinktank-nginx-") as folder:
        paths_file = Path(folder) / "paths.txt"
        paths_file.write_text(args.path + "\n")
        process, nginx_url = nginx(Path(folder) / "nginx", args.path, page)
        try:
            rows = []
            for label, encoding in (("gzip", [GZIP]), ("identity", [])):
                file = measure(nginx_url, paths_file, settings, encoding)
                varnish = measure(args.varnish, paths_file, settings, encoding)
                rows.append((label, file, varnish))
            site = args.site and measure(args.site, paths_file, settings, [GZIP])
        finally:
            stop(process, "nginx")
    print(f"\n{'':10} {'nginx file':>12} {'Varnish hit':>12} {'ratio':>7}")
    for label, file, varnish in rows:
        print(f"{label:10} {file:12,.0f} {varnish:12,.0f} {varnish / file:7.0%}")
    if site:
        print(f"site (gunicorn, Django's page cache hit): {site:,.0f} requests/s")


if __name__ == "__main__":
    try:
        main()
    except BenchmarkError as error:
        sys.exit(f"varnish.py: {error}")
