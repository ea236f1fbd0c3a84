"""Browser tests: a real Chromium (Debian's) driven by Playwright against the live server."""

import os
import threading
import time
from pathlib import Path

import pytest
from django.core.signals import request_finished, request_started
from playwright.sync_api import BrowserContext, sync_playwright

from tests.helpers.demo import load_demo

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium, never a downloaded one: if it is missing, the tests fail."""
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium"
    # Playwright's sync API runs an event loop in this thread; Django refuses ORM
    # calls from a thread with a running loop unless told it is safe (it is here:
    # one thread), so only while the browser runs.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                yield browser
            finally:
                for context in browser.contexts:
                    context.set_offline(True)  # see closed_like_a_crash
                browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def demo_site(live_server):
    """The demo content, served by the live server: its address."""
    load_demo()
    return live_server.url


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


class RequestsInFlight:
    """The live server's requests under way, and when the last one started or ended."""

    def __init__(self):
        self.lock = threading.Lock()
        self.count = 0
        self.last = time.monotonic()

    def started(self, **kwargs):
        with self.lock:
            self.count += 1
            self.last = time.monotonic()

    def finished(self, **kwargs):
        with self.lock:
            self.count = max(0, self.count - 1)
            self.last = time.monotonic()

    def wait_until_quiet(self, quiet=0.5, timeout=15):
        """Until no request is under way and none started or ended for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if self.count == 0 and time.monotonic() - self.last >= quiet:
                    return
            time.sleep(0.05)


@pytest.fixture(autouse=True)
def closed_like_a_crash(monkeypatch):
    """A context a test closes goes offline first: its pages' last requests (the
    autosave's keepalive on pagehide) never reach the live server, which may be between
    tests by the time the browser would send them. A test's end is a crash, not a tab
    closed politely; test_autosave_browser.py tests the keepalive by leaving the page."""
    close = BrowserContext.close

    def offline_then_close(context, *args, **kwargs):
        context.set_offline(True)
        return close(context, *args, **kwargs)

    monkeypatch.setattr(BrowserContext, "close", offline_then_close)


@pytest.fixture(autouse=True)
def requests_answered_before_teardown(request):
    """A page closed at a test's end may still send a request (the autosave's keepalive
    on pagehide, a debounced preview): the test ends once the live server has answered
    them all, so none reaches it after the test's database is gone."""
    if "live_server" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("live_server")  # set up first, so torn down after this
    in_flight = RequestsInFlight()
    request_started.connect(in_flight.started, dispatch_uid="browser-tests-in-flight")
    request_finished.connect(in_flight.finished, dispatch_uid="browser-tests-in-flight")
    try:
        yield
        in_flight.wait_until_quiet()
    finally:
        request_started.disconnect(dispatch_uid="browser-tests-in-flight")
        request_finished.disconnect(dispatch_uid="browser-tests-in-flight")
