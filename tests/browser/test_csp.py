"""
The Content-Security-Policy in a real browser: every kind of public page loads with no
violation (the policy allows no inline script or style there), and the admin works
under its own policy (inline styles allowed; scripts from files, and the rich-text
editor's import map by its hash), including the editor, the focal-point picker and
the revision pages. Violations are caught
both ways Chromium reports them: the `securitypolicyviolation` event and the console.
"""

import re

import pytest
from django.contrib.auth.models import User
from PIL import Image

from articles.models import Article
from experts.models import Expert
from tests.helpers.demo import BROWSER_VIEWPORT as VIEWPORT
from tests.helpers.public_pages import MAIN_SLUG, public_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# Playwright's init scripts run outside the page's policy, so this listener is in
# place before the page's first byte, whatever the policy allows.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"}` +
    ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}`
  );
});
"""


class Watch:
    """Policy violations and console errors or warnings of one browser context."""

    def __init__(self, page):
        self.page = page
        self.console = []
        page.on("console", self.on_console)
        page.on("pageerror", lambda error: self.console.append(f"page error: {error}"))

    def on_console(self, message):
        if message.type in ("error", "warning"):
            self.console.append(f"{message.type}: {message.text}")

    def visit(self, url):
        response = self.page.goto(url, wait_until="networkidle")
        assert response.status in (200, 404), (url, response.status)
        return response

    def violations(self):
        return self.page.evaluate("window.__violations") + [
            line for line in self.console if "Content Security Policy" in line
        ]


def watched_page(chromium):
    context = chromium.new_context(viewport=VIEWPORT)
    context.add_init_script(LISTEN)
    page = context.new_page()
    return context, Watch(page)


def test_public_pages_load_with_no_policy_violation(chromium, demo_site):
    pages = {**public_pages(), "not found": "/no-such-page"}
    context, watch = watched_page(chromium)
    try:
        problems = {}
        for name, url in pages.items():
            response = watch.visit(demo_site + url)
            assert "script-src 'self';" in response.headers["content-security-policy"]
            watch.page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            watch.page.wait_for_load_state("networkidle")
            found = watch.violations()
            if name == "not found":  # the page's own status, reported by Chromium
                watch.console = [line for line in watch.console if "status of 404" not in line]
            # Nothing on the console at all: a Permissions-Policy feature Chromium
            # does not know would be reported there, as would a blocked resource.
            found += [line for line in watch.console if line not in found]
            if found:
                problems[name] = found
            watch.console.clear()
        assert problems == {}
    finally:
        context.close()


def admin_pages():
    article = Article.objects.get(language="en", slug=MAIN_SLUG)
    expert = Expert.objects.get(slug="anna-borshchevskaya")
    revision = article.revisions.order_by("pk").first()
    pages = {
        "index": "/admin/",
        "article list": "/admin/articles/article/",
        "new article": "/admin/articles/article/add/",
        "article": f"/admin/articles/article/{article.pk}/change/",
        "article revisions": f"/admin/articles/article/{article.pk}/revisions/",
        "expert": f"/admin/experts/expert/{expert.pk}/change/",
        "expert list": "/admin/experts/expert/",
    }
    if revision is not None:
        pages["article revision"] = f"/admin/articles/article/{article.pk}/revisions/{revision.pk}/"
    return pages


def portrait(path):
    Image.new("RGB", (600, 400), (120, 120, 130)).save(path, format="PNG")
    return path


def log_in(watch, base_url):
    watch.visit(f"{base_url}/admin/login/")
    watch.page.fill("#id_username", "admin")
    watch.page.fill("#id_password", "changeme")
    watch.page.click("input[type=submit]")
    watch.page.wait_for_url(f"{base_url}/admin/")


def test_the_admin_works_under_its_policy(chromium, demo_site, tmp_path):
    assert User.objects.filter(username="admin").exists()
    context, watch = watched_page(chromium)
    try:
        log_in(watch, demo_site)
        problems = {}
        for name, url in admin_pages().items():
            response = watch.visit(demo_site + url)
            policy = response.headers["content-security-policy"]
            assert "style-src 'self' 'unsafe-inline';" in policy
            assert re.search(r"script-src 'self' 'sha256-[A-Za-z0-9+/]+=*';", policy)
            if name == "article":
                # The rich-text editor runs (its import map was allowed) and is used.
                editor = watch.page.locator(".field-body .ProseMirror:visible").first
                editor.click()
                watch.page.keyboard.type(" A typed sentence.")
                assert "A typed sentence." in editor.inner_text()
            if name == "expert":
                # A photo chosen for upload is shown at once, from a blob: address.
                watch.page.set_input_files("#id_photo", str(portrait(tmp_path / "new.png")))
                watch.page.wait_for_function(
                    "() => document.querySelector('.focal-point__image').src.startsWith('blob:')"
                    " && document.querySelector('.focal-point__image').naturalWidth > 0"
                )
            found = watch.violations()
            if found:
                problems[name] = found
        assert problems == {}
    finally:
        context.close()
