"""
A throwaway varnishd (Debian's varnish and varnish-modules) running deploy/varnish.vcl in
front of a server of the site: the `varnish` fixture, in front of pytest-django's
live_server, with the site purging it. The standard library only, so that the
benchmarks start one too.
"""

import http.client
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.helpers.ports import free_port, wait_for_port

REPO = Path(__file__).resolve().parents[2]
VCL = REPO / "deploy" / "varnish.vcl"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


def site_vcl(backend_port):
    """deploy/varnish.vcl with its backend on `backend_port`."""
    text = VCL.read_text()
    assert '.port = "8000";' in text, "deploy/varnish.vcl: the backend's port moved"
    return text.replace('.port = "8000";', f'.port = "{backend_port}";', 1)


class Varnish:
    """varnishd on a loopback port in front of 127.0.0.1:`backend_port`, with its
    working folder (and the VCL it runs) in a temporary folder of its own."""

    def __init__(self, backend_port):
        self.backend_port = backend_port
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="thinktank-varnish-"))
        self.folder.chmod(0o755)  # varnishd's own users read the VCL there
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        vcl = self.folder / "site.vcl"
        vcl.write_text(site_vcl(self.backend_port))
        vcl.chmod(0o644)
        # No privilege separation (-j none): its own users could not reach a folder
        # under a private TMPDIR (CI's is 0700).
        command = [VARNISHD, "-F", "-j", "none", "-n", str(self.folder / "work"), "-f", str(vcl)]
        command += ["-a", f"127.0.0.1:{self.port}", "-s", "malloc,64m", "-T", "none"]
        self.log = (self.folder / "varnishd.log").open("wb")
        self.process = subprocess.Popen(  # noqa: S603 - a fixed command
            command, stdout=self.log, stderr=subprocess.STDOUT
        )
        try:
            wait_for_port(self.port, self.process, timeout=30)
        except RuntimeError:
            said = (self.folder / "varnishd.log").read_text()
            self.stop()
            raise RuntimeError(f"varnishd did not start: {said}") from None

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
            self.log.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def get(self, path, headers=()):
        """(status, headers, body) of a GET through Varnish, on a connection of its own."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("GET", path, headers=dict(headers))
            response = connection.getresponse()
            return response.status, response.headers, response.read().decode(errors="replace")
        finally:
            connection.close()
