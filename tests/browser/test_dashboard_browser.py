"""
The editorial dashboard in Chromium: an editor and a contributor sign in and find,
on the admin's home page, the lists of work meant for them, each linking to the
article's change page; in English and in an Arabic admin (right to left), with
screenshots of both, and axe-core finding no serious or critical violation.
"""

import pytest
from django.contrib.auth.models import Group, User

from tests.helpers import desk
from tests.helpers.axe import assert_accessible, axe_context
from tests.helpers.factories import in_future

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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


@pytest.mark.parametrize("language", ["en", "ar"])
def test_editor_and_contributor_find_their_work(chromium, newsroom, artifacts, language):
    base, work = newsroom["url"], newsroom["work"]
    shots = {}
    for username in ("desk-editor", "desk-contributor"):
        context, page = axe_context(chromium, base, username, language)
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
            assert_accessible(page)
            # A link leads to the work.
            page.locator(f"#desk-review a[href='{change_path(work['review'])}']").click()
            page.wait_for_url(f"{base}{change_path(work['review'])}")
            assert page.locator("#id_title").input_value() == work["review"].title
        finally:
            context.close()
    assert all(shot.exists() for shot in shots.values())
