"""
The live preview in a real browser: an editor opens it beside the article form, types
in the title and the body and sees the page follow, at a desktop's and a phone's width;
the search preview warns past its limit; an Arabic article's page is right to left. The
article form, at 1,280 and 800 px, in English and Arabic content, scrolls only up and
down, and the screenshots are kept in test-artifacts/ to look at.
"""

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from articles.models import Article
from tests.helpers.browser import admin_page
from tests.helpers.factories import make_article, make_publication_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Playwright's init scripts run outside the page's policy: this listener is in place
# before the page's first byte.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""

TEXT = {
    "en": ("Water and the Gulf", "water-and-the-gulf", "Desalination meets demand. " * 20),
    "ar": ("المياه والخليج", "almyah-walkhlyj", "تحلية المياه تلبي الطلب المتزايد. " * 20),
}


@pytest.fixture
def newsroom(live_server, roles):
    editor = User.objects.create_user("preview-editor", password="changeme", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    return live_server.url


def an_article(language):
    title, slug, paragraph = TEXT[language]
    return make_article(
        title,
        slug=slug,
        language=language,
        published=False,
        summary=paragraph[:120],
        body=f"<p>{paragraph}</p><p>{paragraph}</p>",
        publication_type=make_publication_type(slug=f"type-{language}"),
    )


def editing(chromium, base, article, width=1280):
    """The article's change page at `width` px."""
    context, page = admin_page(chromium, base, "preview-editor")
    page.add_init_script(LISTEN)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    return context, page


def preview_frame(page):
    return page.frame_locator("iframe.live-preview__frame")


def open_preview(page):
    page.locator(".live-preview-launcher button").click()
    expect(page.locator("#live-preview")).to_be_visible()
    expect(page.locator("#live-preview")).to_have_attribute("data-state", "ready")


# The page's overflow to the side, and the elements that stick out (for the message).
OVERFLOW = """() => {
  const root = document.documentElement
  const sticking = [...document.querySelectorAll("body *")]
    .filter((element) => {
      const box = element.getBoundingClientRect()
      return box.width && (box.right > root.clientWidth + 1 || box.left < -1)
    })
    .slice(0, 8)
    .map((element) => `${element.tagName}#${element.id}.${element.className}`)
  return { extra: root.scrollWidth - root.clientWidth, sticking }
}"""


def assert_no_horizontal_scroll(page):
    overflow = page.evaluate(OVERFLOW)
    assert overflow["extra"] <= 0, overflow


def test_the_preview_follows_the_typing_at_both_widths(chromium, newsroom, artifacts):
    article = an_article("en")
    context, page = editing(chromium, newsroom, article)
    try:
        open_preview(page)
        frame = preview_frame(page)
        expect(frame.locator("h1")).to_have_text("Water and the Gulf")
        page.fill("#id_title", "Water, the Gulf and the price of salt")
        expect(frame.locator("h1")).to_have_text("Water, the Gulf and the price of salt")
        page.locator(".field-body .ProseMirror:visible p").first.click()
        page.keyboard.press("Control+End")
        page.keyboard.type(" Brine is the cost.")
        expect(frame.locator(".prose")).to_contain_text("Brine is the cost.")
        expect(page.locator(".preview-length__words")).to_contain_text("words")

        page.get_by_role("button", name="Mobile").click()
        expect(page.locator("#live-preview")).to_have_attribute("data-width", "390")
        inner = page.locator("iframe.live-preview__frame").evaluate(
            "frame => frame.contentWindow.innerWidth"
        )
        assert inner == 390
        page.fill("#id_title", "On a phone")
        expect(frame.locator("h1")).to_have_text("On a phone")
        page.screenshot(path=artifacts / "live-preview-mobile-en.png")

        page.get_by_role("button", name="Desktop").click()
        inner = page.locator("iframe.live-preview__frame").evaluate(
            "frame => frame.contentWindow.innerWidth"
        )
        assert inner == 1280
        page.screenshot(path=artifacts / "live-preview-desktop-en.png")
        assert page.evaluate("window.__violations") == []
        stored = Article.objects.get(pk=article.pk)
        assert stored.title == "Water and the Gulf" and "Brine" not in stored.body
    finally:
        context.close()


def test_the_search_preview_warns_past_its_limit(chromium, newsroom, artifacts):
    article = an_article("en")
    context, page = editing(chromium, newsroom, article)
    try:
        open_preview(page)
        warning = page.locator("[data-warning=search-title]")
        expect(warning).to_have_count(0)
        page.fill("#id_title", "A title that goes on and on, well past what a search result shows")
        expect(warning).to_be_visible()
        expect(page.locator(".search-result__title")).to_contain_text("…")
        page.fill("#id_title", "")
        expect(page.locator(".live-preview__errors")).to_contain_text("Title")
        expect(page.locator("#live-preview")).to_have_attribute("data-state", "invalid")
        page.locator(".live-preview__quality").screenshot(path=artifacts / "social-preview.png")
    finally:
        context.close()


def test_an_arabic_article_previews_right_to_left(chromium, newsroom, artifacts):
    article = an_article("ar")
    context, page = editing(chromium, newsroom, article)
    try:
        open_preview(page)
        frame = preview_frame(page)
        expect(frame.locator("html")).to_have_attribute("dir", "rtl")
        expect(frame.locator("html")).to_have_attribute("lang", "ar")
        page.fill("#id_title", "المياه والخليج وثمن الملح")
        expect(frame.locator("h1")).to_have_text("المياه والخليج وثمن الملح")
        expect(page.locator(".search-result")).to_have_attribute("lang", "ar")
        page.screenshot(path=artifacts / "live-preview-desktop-ar.png")
    finally:
        context.close()


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("width", [1280, 800])
def test_the_article_form_fits_the_width(chromium, newsroom, artifacts, language, width):
    article = an_article(language)
    context, page = editing(chromium, newsroom, article, width=width)
    try:
        page.locator(".field-body .ProseMirror:visible p").first.wait_for()
        assert_no_horizontal_scroll(page)
        # Arabic content right to left, whatever the admin's language; English left to right.
        direction = "rtl" if language == "ar" else "ltr"
        for field in ("#id_title", "#id_summary", ".field-body .ProseMirror:visible"):
            assert page.locator(field).first.evaluate("e => getComputedStyle(e).direction") == (
                direction
            )
        menubar = page.locator(".field-body .prose-menubar").first
        assert menubar.evaluate("e => getComputedStyle(e).direction") == direction
        name = f"article-form-{width}-{language}"
        page.screenshot(path=artifacts / f"{name}.png", full_page=True)
        open_preview(page)
        assert_no_horizontal_scroll(page)
        page.screenshot(path=artifacts / f"{name}-preview.png")
    finally:
        context.close()


def test_on_the_add_page_from_the_keyboard(chromium, newsroom):
    context, page = admin_page(chromium, newsroom, "preview-editor")
    try:
        page.goto(f"{newsroom}/admin/articles/article/add/")
        launcher = page.locator(".live-preview-launcher button")
        launcher.focus()
        page.keyboard.press("Enter")
        expect(page.locator("#live-preview")).to_be_visible()
        expect(launcher).to_have_attribute("aria-expanded", "true")
        # A new form is not valid yet: the panel says what is missing, not an error page.
        expect(page.locator("#live-preview")).to_have_attribute("data-state", "invalid")
        expect(page.locator(".live-preview__errors")).to_contain_text("Title")
        page.get_by_role("button", name="Close the preview").click()
        expect(page.locator("#live-preview")).to_be_hidden()
        expect(launcher).to_be_focused()
        assert not Article.objects.exists()
    finally:
        context.close()
