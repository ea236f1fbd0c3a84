"""
The save bar in Chromium: a contributor submits a draft with a note; an editor sends it
back (a note required by the dialog), then publishes it confirming the failing checks;
scheduling shows the time on the site's clock and on the editor's own (a browser in
another time zone). English and Arabic content.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from articles import services
from articles.models import Article
from tests.helpers.browser import ADMIN_VIEWPORT, log_in
from tests.helpers.factories import make_article, make_publication_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def newsroom(live_server, roles, settings):
    settings.TIME_ZONE = "Asia/Riyadh"
    for name, group in [("wf-editor", "Editors"), ("wf-contributor", "Contributors")]:
        user = User.objects.create_user(name, password="changeme", is_staff=True)
        user.groups.add(Group.objects.get(name=group))
    return live_server.url


def signed_in(chromium, base, username, zone="Europe/Paris"):
    context = chromium.new_context(viewport=ADMIN_VIEWPORT, timezone_id=zone)
    page = context.new_page()
    log_in(page, base, username)
    return context, page


def a_draft(title, language="en"):
    article = make_article(
        title, slug="", published=False, language=language, publication_type=make_publication_type()
    )
    services.article_record_revision(article, user=User.objects.get(username="wf-contributor"))
    return article


def state(page):
    return page.inner_text(".workflow-state__label")


@pytest.mark.parametrize(
    ("title", "language"), [("Gulf ports", "en"), ("موانئ الخليج", "ar")], ids=["en", "ar"]
)
def test_submit_send_back_and_publish(chromium, newsroom, artifacts, title, language):
    base = newsroom
    article = a_draft(title, language)
    change = f"{base}/admin/articles/article/{article.pk}/change/"

    context, page = signed_in(chromium, base, "wf-contributor")
    page.goto(change)
    assert page.locator(".workflow-buttons button").all_inner_texts() == [
        "Save draft",
        "Submit for review",
    ]
    page.click("button[value=submit]")
    assert page.locator("#workflow-dialog").is_visible()
    page.fill("#workflow-dialog #id_change_note", "Ready for a read")
    page.screenshot(path=str(artifacts / f"workflow-submit-{language}.png"), full_page=False)
    page.click(".workflow-dialog__confirm")
    page.wait_for_load_state()
    assert state(page) == "In review"
    assert page.locator(".workflow-buttons button").all_inner_texts() == ["Save, still in review"]
    context.close()

    context, page = signed_in(chromium, base, "wf-editor")
    page.goto(change)
    page.click("button[value=send_back]")
    page.click(".workflow-dialog__confirm")  # no note: the dialog does not let it go
    assert page.locator("#workflow-dialog").is_visible()
    assert Article.objects.get(pk=article.pk).status == Article.Status.REVIEW
    page.fill("#workflow-dialog #id_change_note", "Add a topic and a source")
    page.click(".workflow-dialog__confirm")
    page.wait_for_load_state()
    assert state(page) == "Draft"
    assert article.revisions.latest("pk").note == "Add a topic and a source"

    # Publish now: the checks fail (no topic), so the dialog asks to confirm.
    assert "no topic" in page.inner_text("#workflow-checks")
    page.click("button[value=publish]")
    assert page.locator("#workflow-dialog #id_publish_anyway").is_visible()
    page.screenshot(path=str(artifacts / f"workflow-publish-anyway-{language}.png"))
    page.check("#workflow-dialog #id_publish_anyway")
    page.click(".workflow-dialog__confirm")
    page.wait_for_load_state()
    assert state(page) == "Published"
    assert Article.objects.get(pk=article.pk).display_status == Article.DisplayStatus.PUBLISHED
    page.screenshot(path=str(artifacts / f"workflow-live-{language}.png"), full_page=True)
    context.close()


def test_schedule_shows_both_clocks(chromium, newsroom, artifacts):
    base = newsroom
    article = a_draft("Scheduled piece")
    context, page = signed_in(chromium, base, "wf-editor", zone="America/New_York")
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    page.click("button[value=schedule]")
    page.click(".workflow-dialog__confirm")  # no time: the dialog does not let it go
    assert page.locator("#workflow-dialog").is_visible()
    later = timezone.localtime(timezone.now() + timedelta(days=3))  # Asia/Riyadh
    page.fill("#workflow-dialog #id_schedule_at", later.strftime("%Y-%m-%dT%H:%M"))
    local = later.astimezone(timezone.zoneinfo.ZoneInfo("America/New_York"))
    shown = page.inner_text("#workflow-schedule-local")
    assert "America/New_York" in shown and local.strftime("%-I:%M") in shown
    page.screenshot(path=str(artifacts / "workflow-schedule.png"))
    page.check("#workflow-dialog #id_publish_anyway")
    page.click(".workflow-dialog__confirm")
    page.wait_for_load_state()
    assert state(page) == "Scheduled"
    assert "Asia/Riyadh" in page.inner_text(".workflow-state__time")
    assert "America/New_York" in page.inner_text(".workflow-state .workflow-local-time")
    stored = Article.objects.get(pk=article.pk).published_at
    assert stored == later.replace(second=0, microsecond=0)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # the bar's own place
    page.screenshot(path=str(artifacts / "workflow-scheduled.png"))
    context.close()
