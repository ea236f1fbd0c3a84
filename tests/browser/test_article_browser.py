"""
The demo article in a real browser at 1280x900: the "Recommended" aside sits beside
the article (right of it in English, left of it in Arabic), the Arabic byline starts
on the right and the Arabic title is set in the project's own font (the English page
fetches no font, the Arabic one each preloaded font once), nothing fails to load, and
full-page screenshots go to test-artifacts/ for people to look at.
"""

import pytest

from tests.helpers.demo import BROWSER_VIEWPORT as VIEWPORT
from tests.helpers.demo import MAIN_ARABIC_URL as AR_PATH
from tests.helpers.demo import MAIN_TITLE as TITLE
from tests.helpers.demo import MAIN_URL as EN_PATH

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class PageWatch:
    """Console errors, uncaught exceptions and failed requests of one page."""

    def __init__(self, page):
        self.problems = []
        page.on("console", self.on_console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("requestfailed", self.on_request_failed)
        page.on("response", self.on_response)

    def on_request_failed(self, request):
        # The browser cancelling a request it no longer needs (an image candidate
        # dropped for another as the layout settles) is not a failure of the page.
        if request.failure != "net::ERR_ABORTED":
            self.problems.append(f"failed: {request.url} ({request.failure})")

    def on_console(self, message):
        if message.type == "error":
            self.problems.append(f"console error: {message.text} ({message.location})")

    def on_response(self, response):
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")


def open_page(chromium, url):
    context = chromium.new_context(viewport=VIEWPORT)
    page = context.new_page()
    watch = PageWatch(page)
    response = page.goto(url, wait_until="networkidle")
    assert response.status == 200
    return context, page, watch


def boxes(page):
    """The bounding boxes of the article column and of the aside beside it."""
    article = page.locator("article.article").bounding_box()
    aside = page.locator("aside.article-aside").bounding_box()
    assert article and aside
    # Side by side: the aside starts level with the article, not below it.
    assert abs(aside["y"] - article["y"]) < 5
    return article, aside


def images_loaded(page):
    """Every image (lazy ones too, once scrolled to) has loaded and decoded."""
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => Array.from(document.images).every(image => image.complete)")
    loaded = page.evaluate(
        "Array.from(document.images).map(image => [image.currentSrc, image.naturalWidth > 0])"
    )
    page.evaluate("window.scrollTo(0, 0)")
    assert loaded, "the page has no images"
    return all(ok for _src, ok in loaded)


def text_box(page, selector):
    """The box of the text inside an element (its lines), not of the element's block."""
    return page.evaluate(
        """selector => {
            const range = document.createRange();
            range.selectNodeContents(document.querySelector(selector));
            const box = range.getBoundingClientRect();
            return {x: box.x, y: box.y, width: box.width, height: box.height};
        }""",
        selector,
    )


def assert_byline_starts_on_the_right(page, article):
    """
    Right-to-left, the byline starts at the right edge of the article column and ends
    short of its left edge (the byline is one short line, far narrower than the column).
    """
    byline = text_box(page, ".article__byline")
    right = byline["x"] + byline["width"]
    column_right = article["x"] + article["width"]
    assert byline["width"] > 0
    assert abs(right - column_right) <= 2, (byline, article)
    assert byline["x"] > article["x"] + article["width"] / 3, (byline, article)
    # The title above it starts on the right too.
    title = text_box(page, "h1")
    assert abs(title["x"] + title["width"] - column_right) <= 2, (title, article)


def assert_drawn_with_the_project_font(page):
    """The Arabic title is set in the project's own Arabic font, loaded from /static/."""
    family = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert family.replace('"', "").replace("'", "").startswith("Thinktank"), family
    assert page.evaluate(
        """async () => {
            await document.fonts.ready;
            return document.fonts.check('16px "Thinktank Naskh"', 'ب');
        }"""
    )
    loaded = page.evaluate(
        """async () => {
            await document.fonts.ready;
            return Array.from(document.fonts)
                .filter(face => face.status === "loaded")
                .map(face => face.family.replace(/["']/g, ""));
        }"""
    )
    assert "Thinktank Naskh" in loaded, loaded


def font_downloads(page):
    """The web font files the page fetched, in order (a file fetched twice appears twice)."""
    return page.evaluate(
        """performance.getEntriesByType("resource")
            .map(entry => new URL(entry.name).pathname.split("/").pop())
            .filter(name => name.endsWith(".woff2"))"""
    )


def assert_the_preloaded_fonts_are_used_once(page):
    """Each preloaded font is the one its @font-face asks for: fetched once, and loaded."""
    downloads = font_downloads(page)
    assert len(downloads) == len(set(downloads)), downloads
    assert page.locator("link[rel=preload][as=font]").count() == 4
    loaded = page.evaluate(
        """async () => {
            await document.fonts.ready;
            return Array.from(document.fonts)
                .filter(face => face.status === "loaded" && !face.family.includes("Fallback"))
                .map(face => `${face.family.replace(/["']/g, "")} ${face.weight}`);
        }"""
    )
    for face in ("Thinktank Naskh 400", "Thinktank Naskh 700", "Thinktank Sans Arabic 400"):
        assert face in loaded, loaded


def test_english_article_layout(chromium, demo_site, artifacts):
    context, page, watch = open_page(chromium, demo_site + EN_PATH)
    try:
        assert page.locator("h1").inner_text() == TITLE
        assert page.evaluate("document.documentElement.dir") == "ltr"
        assert page.evaluate("document.documentElement.lang") == "en"
        article, aside = boxes(page)
        assert aside["x"] >= article["x"] + article["width"]
        recommended = page.locator("aside section", has_text="Recommended").bounding_box()
        assert recommended["x"] >= article["x"] + article["width"]
        assert recommended["y"] < article["y"] + article["height"]
        assert page.locator("aside .recommended > li").count() == 3
        assert aside["x"] + aside["width"] <= VIEWPORT["width"]
        # The stylesheet is applied and the photos are served.
        assert (
            page.evaluate("getComputedStyle(document.querySelector('.article-layout')).display")
            == "grid"
        )
        assert images_loaded(page)
        # No Arabic font, not even for the names of the other languages.
        assert font_downloads(page) == []
        page.screenshot(path=str(artifacts / "article-en.png"), full_page=True)
        assert watch.problems == []
    finally:
        context.close()
    assert (artifacts / "article-en.png").stat().st_size > 10_000


def test_arabic_article_layout(chromium, demo_site, artifacts):
    context, page, watch = open_page(chromium, demo_site + AR_PATH)
    try:
        assert page.evaluate("document.documentElement.dir") == "rtl"
        assert page.evaluate("document.documentElement.lang") == "ar"
        assert page.locator("h1").inner_text().startswith("انحياز بوتين")
        article, aside = boxes(page)
        assert aside["x"] + aside["width"] <= article["x"]
        topics = page.locator("aside section[aria-labelledby='topics']").bounding_box()
        assert topics["x"] + topics["width"] <= article["x"]
        assert aside["x"] >= 0
        assert_byline_starts_on_the_right(page, article)
        assert_drawn_with_the_project_font(page)
        assert_the_preloaded_fonts_are_used_once(page)
        assert images_loaded(page)
        # The link back to the English version works in the browser.
        english = page.locator(".article__translations a[hreflang='en']")
        assert english.inner_text() == "English"
        page.screenshot(path=str(artifacts / "article-ar.png"), full_page=True)
        assert watch.problems == []
        english.click()
        page.wait_for_url(demo_site + EN_PATH)
        assert page.locator("h1").inner_text() == TITLE
    finally:
        context.close()
    assert (artifacts / "article-ar.png").stat().st_size > 10_000
