"""
Pasting into the rich-text editors in Chromium: HTML the sanitizer drops (a script,
an iframe, an image from elsewhere, an onclick) is listed under the editor at once, in
English and Arabic content; a clean paste warns of nothing; a table inserted from the
toolbar starts with a header row. Screenshots go to test-artifacts/.
"""

import pytest
from django.contrib.auth.models import User

from tests.helpers.browser import ADMIN_VIEWPORT, log_in
from tests.helpers.clipboard import paste_html
from tests.helpers.factories import make_expert
from thinktank.html import sanitize_html

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "changeme"
DIRTY = (
    '<p>Before <iframe src="https://video.example/embed"></iframe><script>steal()</script>'
    '<img src="https://elsewhere.example/chart.png" alt="A chart">'
    '<span onclick="steal()">after</span></p>'
)


@pytest.fixture
def page(chromium, live_server):
    User.objects.create_superuser("boss", "boss@example.org", PASSWORD)
    context = chromium.new_context(viewport=ADMIN_VIEWPORT)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, live_server.url, "boss", PASSWORD)
    page.base = live_server.url
    yield page
    context.close()
    assert errors == []


def editor_of(page, field):
    editor = page.locator(f".field-{field} .ProseMirror[contenteditable=true]")
    editor.wait_for()
    return editor


def test_a_paste_with_what_the_sanitizer_drops_is_listed(page, artifacts):
    page.goto(f"{page.base}/admin/articles/article/add/")
    body = editor_of(page, "body")
    body.click()
    paste_html(body, DIRTY, "Before after")
    warning = page.locator(".field-body .sanitizer-warning")
    warning.wait_for()
    assert warning.get_attribute("role") == "alert"
    text = warning.inner_text()
    for expected in ("<iframe>", "<script>", "span onclick", "https://elsewhere.example/chart.png"):
        assert expected in text, expected
    warning.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "sanitizer-warning-en.png"))
    warning.get_by_role("button").click()
    assert warning.count() == 0
    assert page.evaluate("document.activeElement.classList.contains('ProseMirror')")
    # A clean paste warns of nothing.
    paste_html(body, "<p>Plain <strong>words</strong>.</p>", "Plain words.")
    page.wait_for_timeout(800)
    assert page.locator(".sanitizer-warning").count() == 0


def test_html_typed_in_the_html_view_is_checked_as_it_is_applied(page):
    page.goto(f"{page.base}/admin/articles/article/add/")
    editor_of(page, "body").click()
    page.locator(".field-body .prose-menubar__button[title='edit HTML']").click()
    source = page.locator("dialog.prose-editor-dialog textarea[name=html]")
    source.fill('<p>Chart: <object data="chart.swf"></object><a href="javascript:go()">go</a></p>')
    page.locator("dialog.prose-editor-dialog button[type=submit]").click()
    warning = page.locator(".field-body .sanitizer-warning")
    warning.wait_for()
    assert "<object>" in warning.inner_text() and "a href" in warning.inner_text()


def test_arabic_bio_paste_is_warned_in_its_tab(page, artifacts):
    expert = make_expert("Warned Expert")
    page.goto(f"{page.base}/admin/experts/expert/{expert.pk}/change/")
    page.locator("[role=tab]", has_text="العربية").click()
    bio = editor_of(page, "bio__ar")
    bio.click()
    paste_html(
        bio,
        '<p dir="rtl">سيرة <marquee>متحركة</marquee> <img src="http://elsewhere.example/a.jpg"></p>',
        "سيرة متحركة",
    )
    warning = page.locator(".field-bio__ar .sanitizer-warning")
    warning.wait_for()
    assert "<marquee>" in warning.inner_text()
    assert "http://elsewhere.example/a.jpg" in warning.inner_text()
    warning.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "sanitizer-warning-ar.png"))


def test_a_new_table_starts_with_a_header_row(page):
    page.goto(f"{page.base}/admin/articles/article/add/")
    body = editor_of(page, "body")
    body.click()
    page.locator(".field-body .prose-menubar__button[title='Insert table']").click()
    choice = page.locator("dialog.prose-editor-dialog select[name=withHeaderRow]")
    choice.wait_for()
    assert choice.input_value() == "Yes"
    page.locator("dialog.prose-editor-dialog button[type=submit]").click()
    page.locator(".field-body .ProseMirror table").wait_for()
    html = page.locator("#id_body").input_value()
    assert html.count("<th") == 3, html
    assert "<th" in sanitize_html(html)
    # The editor may still choose a table without one.
    page.keyboard.press("Control+End")
    page.locator(".field-body .prose-menubar__button[title='Insert table']").click()
    choice.wait_for()
    choice.select_option("No")
    page.locator("dialog.prose-editor-dialog button[type=submit]").click()
    page.wait_for_function(
        "() => document.querySelectorAll('.field-body .ProseMirror table').length === 2"
    )
    assert page.locator("#id_body").input_value().count("<th") == 3
