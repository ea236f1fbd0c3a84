"""
axe-core in the browser tests: the serious and critical accessibility violations on a
page of the admin. `make test` installs axe-core in .cache/axe/ (deploy/axe.sh); without
it these tests fail, never skip.
"""

import json

from tests.helpers.browser import ADMIN_VIEWPORT, log_in
from tests.helpers.processes import REPO

AXE = REPO / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# What the issue forbids on the admin's pages.
FORBIDDEN = ("serious", "critical")


def axe_context(chromium, base_url, username, language="en"):
    """A new browser context that lets axe-core's script in past the admin's
    Content-Security-Policy, its browser asking for the admin in `language`
    (Accept-Language), and a page in it with `username` signed in to the admin; the
    caller closes the context."""
    context = chromium.new_context(viewport=ADMIN_VIEWPORT, bypass_csp=True, locale=language)
    page = context.new_page()
    log_in(page, base_url, username)
    return context, page


def axe_violations(page):
    """axe-core's serious and critical violations on `page` as it is now: each rule's id,
    impact, help and the targets of the elements breaking it. The page must come from
    a context with `bypass_csp=True` (axe_context)."""
    assert AXE.exists(), f"{AXE} is missing: `make test` (or `bash deploy/axe.sh`) installs it"
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => (await axe.run()).violations")
    return [
        {
            "id": rule["id"],
            "impact": rule["impact"],
            "help": rule["help"],
            "targets": [node["target"] for node in rule["nodes"]],
        }
        for rule in results
        if rule["impact"] in FORBIDDEN
    ]


def assert_accessible(page, where=""):
    """No serious or critical axe-core violation on `page`; else the list of them."""
    violations = axe_violations(page)
    assert not violations, f"{where or page.url}\n{json.dumps(violations, indent=1)}"
