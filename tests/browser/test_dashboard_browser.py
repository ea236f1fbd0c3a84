"""
The editorial dashboard in Chromium: an editor and a contributor sign in and find,
on the admin's home page, the lists of work meant for them, each linking to the
article's change page; in English and in an Arabic admin (right to left), with
screenshots of both, and axe-core finding no serious or critical violation.
"""

import json
import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User

from tests.helpers import desk
from tests.helpers.browser import ADMIN_VIEWPORT, log_in
from tests.helpers.factories import in_future

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# axe-core's script, where the shared audit tool installs it (../shared/tools/audit).
AXE = Path(os.environ.get("AXE_CORE", "/tmp/page-audit/node_modules/axe-core/axe.min.js"))  # noqa: S108


def staff(username, group):
    user = User.objects.create_user(username, password="changeme", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def newsroom(live_server, roles):
    editor = staff("desk-editor", "Editors")
    contributor = staff("desk-contributor", "Contributors")
    other = staff("desk-other", "Contributors")
    work = {
        "draft": desk.write(contributor, "Ports of the Red Sea, a draft"),
        "review": desk.submit(
            desk.write(contributor, "Shipping insurance after the strikes"),
            contributor,
            note="The second chart needs a check.",
        ),
        "theirs": desk.submit(desk.write(other, "Grain corridors"), other),
        "scheduled": desk.publish(
            desk.write(contributor, "موانئ البحر الأحمر", language="ar"), editor, at=in_future(2)
        ),
        "published": desk.publish(
            desk.submit(desk.write(contributor, "Tanker rates in 2026"), contributor),
            editor,
            note="Published with a shorter title.",
        ),
        "problem": desk.write(other, "A piece without a topic", topics=[]),
    }
    return {"url": live_server.url, "work": work}


def change_path(article):
    return f"/admin/articles/article/{article.pk}/change/"


def axe_violations(page):
    """axe-core's serious and critical violations on `page` ([] without axe-core)."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => (await axe.run()).violations")
    return [
        {"id": rule["id"], "nodes": [node["target"] for node in rule["nodes"]]}
        for rule in results
        if rule["impact"] in ("serious", "critical")
    ]


def open_dashboard(chromium, base, username):
    """A signed-in page on the admin's home, in a context that lets axe-core's script in
    past the admin's Content-Security-Policy; the caller closes the context."""
    context = chromium.new_context(viewport=ADMIN_VIEWPORT, bypass_csp=True)
    page = context.new_page()
    log_in(page, base, username)
    return context, page


@pytest.mark.parametrize("language", ["en", "ar"])
def test_editor_and_contributor_find_their_work(chromium, newsroom, artifacts, settings, language):
    settings.LANGUAGE_CODE = language
    base, work = newsroom["url"], newsroom["work"]
    shots = {}
    for username in ("desk-editor", "desk-contributor"):
        context, page = open_dashboard(chromium, base, username)
        try:
            assert page.locator("html").get_attribute("dir") == (
                "rtl" if language == "ar" else "ltr"
            )
            review = page.locator("#desk-review")
            assert review.locator(f"a[href='{change_path(work['review'])}']").is_visible()
            assert "The second chart needs a check." in review.inner_text()
            theirs = page.locator(f"#editorial-dashboard a[href='{change_path(work['theirs'])}']")
            assert theirs.count() == (1 if username == "desk-editor" else 0)
            arabic = page.locator(f"#desk-scheduled a[href='{change_path(work['scheduled'])}']")
            assert (arabic.get_attribute("lang"), arabic.get_attribute("dir")) == ("ar", "rtl")
            if username == "desk-contributor":
                decisions = page.locator("#desk-decisions").inner_text()
                assert "Published with a shorter title." in decisions
                assert page.locator(f"a[href='{change_path(work['draft'])}']").is_visible()
            else:
                problem = page.locator(f"#desk-problems a[href='{change_path(work['problem'])}']")
                assert problem.is_visible()
            # Django's list of apps is still there, below.
            assert page.locator("#content-main .app-articles").is_visible()
            shots[username] = artifacts / f"dashboard-{language}-{username}.png"
            page.screenshot(path=str(shots[username]), full_page=True)
            if AXE.exists():
                violations = axe_violations(page)
                assert not violations, json.dumps(violations, indent=1)
            # A link leads to the work.
            page.locator(f"#desk-review a[href='{change_path(work['review'])}']").click()
            page.wait_for_url(f"{base}{change_path(work['review'])}")
            assert page.locator("#id_title").input_value() == work["review"].title
        finally:
            context.close()
    assert all(shot.exists() for shot in shots.values())
