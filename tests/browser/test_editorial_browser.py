"""
The newsroom in a real browser: an editor writes an article in the rich-text editor,
orders two authors, picks a topic, schedules it ("Schedule…") and publishes it, and a logged-out
reader then sees it; two editors saving the same article cannot overwrite each other.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from articles.models import Article
from tests.helpers.browser import ADMIN_VIEWPORT as VIEWPORT
from tests.helpers.browser import admin_page, choose
from tests.helpers.factories import make_article, make_expert, make_publication_type, make_topic

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def newsroom(live_server, roles):
    editor = User.objects.create_user("browser-editor", password="changeme", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    return {
        "url": live_server.url,
        "type": make_publication_type("Policy Analysis", slug="policy-analysis-type"),
        "first": make_expert("Hanin Ghaddar", slug="hanin-ghaddar"),
        "second": make_expert("Assaf Orion", slug="assaf-orion"),
        "topic": make_topic("Great Power Competition", slug="great-power-competition"),
    }


def logged_in_page(chromium, base_url):
    return admin_page(chromium, base_url, "browser-editor")


def test_editor_writes_schedules_and_publishes(chromium, newsroom, artifacts):
    base = newsroom["url"]
    context, page = logged_in_page(chromium, base)
    page.goto(f"{base}/admin/articles/article/add/")
    page.fill("#id_title", "How Moscow Courts the Gulf")
    choose(page, "id_publication_type", "Policy Analysis")
    page.fill("#id_summary", "Russia's Gulf diplomacy, read through three visits.")

    body = page.locator(".field-body .ProseMirror:visible").first
    body.click()
    # The editor's input rules: "## " makes a heading, "- " a list; a typed URL a link.
    page.keyboard.type("## Three visits")
    page.keyboard.press("Enter")
    page.keyboard.type("The record is at https://example.org/record and it is short. ")
    page.keyboard.press("Enter")
    page.keyboard.type("- Riyadh")
    page.keyboard.press("Enter")
    page.keyboard.type("Abu Dhabi")

    page.click("#authorships-group .add-row a")
    page.click("#authorships-group .add-row a")
    choose(page, "id_authorships-0-expert", "Hanin Ghaddar")
    choose(page, "id_authorships-1-expert", "Assaf Orion")
    choose(page, "id_topics", "Great Power Competition")

    # Scheduled: "Schedule…" asks for a time ahead, on the site's clock.
    later = timezone.localtime(timezone.now() + timedelta(days=2))
    page.click("button[name=workflow_action][value=schedule]")
    page.fill("#workflow-dialog #id_schedule_at", later.strftime("%Y-%m-%dT%H:%M"))
    page.screenshot(path=str(artifacts / "editor-writes.png"), full_page=True)
    page.click(".workflow-dialog__confirm")
    page.wait_for_url("**/change/")
    assert page.inner_text(".workflow-state__label") == "Scheduled"
    page.goto(f"{base}/admin/articles/article/")
    assert "Scheduled" in page.content()

    article = Article.objects.get(title="How Moscow Courts the Gulf")
    assert article.display_status == Article.DisplayStatus.SCHEDULED
    reader = chromium.new_context(viewport=VIEWPORT).new_page()
    assert reader.goto(f"{base}{article.get_absolute_url()}").status == 404

    # Publish now, from the list's bulk action.
    page.check(f"input[name=_selected_action][value='{article.pk}']")
    page.select_option("select[name=action]", "publish")
    page.click("button[name=index]")
    page.wait_for_load_state()
    context.close()

    response = reader.goto(f"{base}{article.get_absolute_url()}")
    assert response.status == 200
    assert reader.locator(".prose h2").inner_text() == "Three visits"
    assert reader.locator(".prose a[href='https://example.org/record']").count() == 1
    assert reader.locator(".prose ul li").all_inner_texts() == ["Riyadh", "Abu Dhabi"]
    assert reader.locator(".article__byline a").all_inner_texts() == [
        "Hanin Ghaddar",
        "Assaf Orion",
    ]
    assert "Great Power Competition" in reader.locator("#topics + ul").inner_text()
    reader.screenshot(path=str(artifacts / "reader-sees-published.png"), full_page=True)


def test_second_editor_is_refused_and_keeps_their_text(chromium, newsroom, artifacts):
    base = newsroom["url"]
    article = make_article("Shared piece", publication_type=newsroom["type"])
    change = f"{base}/admin/articles/article/{article.pk}/change/"
    first_context, first = logged_in_page(chromium, base)
    second_context, second = logged_in_page(chromium, base)
    first.goto(change)
    second.goto(change)

    first.fill("#id_summary", "The first editor's summary.")
    first.click("button[name=workflow_action][value=save]")
    first.wait_for_load_state()
    assert "was changed successfully" in first.content()

    second.fill("#id_summary", "The second editor's careful summary.")
    second.click("button[name=workflow_action][value=save]")
    second.wait_for_load_state()
    assert "Someone else saved this article" in second.content()
    assert second.input_value("#id_summary") == "The second editor's careful summary."
    second.screenshot(path=str(artifacts / "concurrent-edit-refused.png"), full_page=True)
    assert Article.objects.get(pk=article.pk).summary == "The first editor's summary."
    first_context.close()
    second_context.close()


def test_arabic_article_is_edited_right_to_left(chromium, newsroom, artifacts):
    base = newsroom["url"]
    article = make_article(
        "مقال للتجربة", slug="mqal-lltjrba", language="ar", publication_type=newsroom["type"]
    )
    context, page = logged_in_page(chromium, base)
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    editors = page.locator(".prose-editor .ProseMirror[contenteditable=true]")
    editors.nth(1).wait_for()  # both editors made (their modules load one after another)
    directions = editors.evaluate_all("all => all.map(e => getComputedStyle(e).direction)")
    assert directions == ["rtl", "rtl"]  # body and footer note
    assert page.get_attribute("#id_title", "dir") == "rtl"
    page.screenshot(path=str(artifacts / "editor-arabic.png"), full_page=True)
    context.close()
