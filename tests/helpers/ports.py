"""
Loopback ports for the servers the tests and the benchmarks start: one free to listen
on, and the wait until a server accepts connections there. The standard library only,
so that the benchmarks (scripts, outside pytest) import it too.
"""

import socket
import time
from contextlib import suppress


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, timeout=60):
    """Until something accepts connections on `port`; fails if `process` ends first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} ended with {process.returncode}")
        with suppress(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        time.sleep(0.05)
    raise RuntimeError(f"nothing answered on port {port} within {timeout} s")
