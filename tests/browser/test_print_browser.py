"""
The article page on paper (static/css/print.css), in a real Chromium with print media
emulated: no navigation, search, language switcher, sidebar or download links; the
title, byline, body and "Cite this" text shown; a link's address printed after it (left
to right, on an Arabic page too); the page's own address printed under the title and
hidden on screen; the screen unchanged. page.pdf() makes a PDF of it, and full-page
screenshots of the print emulation go to test-artifacts/ for people to look at.
"""

import io
import re

import pypdf
import pytest

from tests.helpers.demo import BROWSER_VIEWPORT as VIEWPORT
from tests.helpers.demo import MAIN_ARABIC_URL as AR_PATH
from tests.helpers.demo import MAIN_TITLE as TITLE
from tests.helpers.demo import MAIN_URL as EN_PATH
from tests.helpers.public_pages import public_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HIDDEN_IN_PRINT = [
    ".skip-link",
    ".site-nav",
    ".header-search",
    ".language-switcher",
    ".site-footer",
    ".article-aside",
    ".cite-this__downloads",
    ".article__pdf",
]
SHOWN_IN_PRINT = [
    ".site-brand",
    "h1",
    ".article__byline",
    ".article__date",
    ".prose",
    ".cite-this",
    ".cite-this__text",
]
# A link out of the site in the text (the Arabic body has none; its footer note has one).
BODY_LINK = ':is(.prose, .article__footer-note) a[href^="http"]'
# About the width of an A4 page's text, for the screenshots.
PAPER_VIEWPORT = {"width": 720, "height": 1000}


def displayed(page, selector):
    """Whether the element takes up room on the page (it and its ancestors are displayed)."""
    return page.evaluate(
        """selector => {
            const element = document.querySelector(selector);
            if (!element) throw new Error("no " + selector);
            return element.getClientRects().length > 0
                && getComputedStyle(element).visibility !== "hidden";
        }""",
        selector,
    )


def style(page, selector, name):
    """A computed style property (camelCase) of the first element matching `selector`."""
    return page.evaluate(
        "([selector, name]) => getComputedStyle(document.querySelector(selector))[name]",
        [selector, name],
    )


def after(page, selector):
    """The generated ::after content of the first element matching `selector`."""
    return page.evaluate(
        "selector => getComputedStyle(document.querySelector(selector), '::after').content",
        selector,
    )


def print_page(chromium, url):
    context = chromium.new_context(viewport=VIEWPORT)
    page = context.new_page()
    response = page.goto(url, wait_until="networkidle")
    assert response.status == 200
    return context, page


def assert_prints_as_paper(page, site):
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        assert not displayed(page, selector), selector
    for selector in SHOWN_IN_PRINT:
        assert displayed(page, selector), selector
    # One column: the sidebar is gone and the article takes the page's width.
    assert style(page, ".article-layout", "display") == "block"
    # Black on white, in a serif of 11pt (14.67px).
    body = page.evaluate(
        """() => {
            const style = getComputedStyle(document.body);
            return [style.color, style.backgroundColor, style.fontSize];
        }"""
    )
    assert body == ["rgb(0, 0, 0)", "rgb(255, 255, 255)", "14.6667px"]
    # No heading left alone at the foot of a page, no citation split over two.
    assert style(page, ".prose h2", "breakAfter") == "avoid"
    assert style(page, ".cite-this__text", "breakInside") == "avoid"
    # The page's own address, under the title.
    address = page.locator(".article__address")
    assert address.is_visible()
    canonical = page.evaluate("document.querySelector('link[rel=canonical]').href")
    assert canonical.startswith(site)
    assert canonical in address.inner_text()
    # A link in the body prints its address after its text, isolated left to right;
    # the authors' links print their profile's full address.
    body_link = page.evaluate(f"document.querySelector('{BODY_LINK}').href")
    assert "\u2066" + body_link + "\u2069" in after(page, BODY_LINK)
    author_link = page.evaluate("document.querySelector('.article__byline a').href")
    assert author_link.startswith(site)
    assert author_link in after(page, ".article__byline a")
    # Nothing after a link of the (hidden) navigation.
    assert after(page, ".cite-this__downloads a") == "none"


def assert_notes_print_at_the_end(page):
    """Endnotes, when the body gets them (<section class="notes"> after it), are printed."""
    page.evaluate(
        """() => {
            const notes = document.createElement("section");
            notes.className = "notes";
            notes.innerHTML = '<h2>Notes</h2><ol><li><a href="https://example.org/n1">Source</a></li></ol>';
            document.querySelector(".prose").after(notes);
        }"""
    )
    assert displayed(page, ".notes")
    assert "https://example.org/n1" in after(page, ".notes a")
    assert page.evaluate(
        "document.querySelector('.notes').getBoundingClientRect().top"
        " > document.querySelector('.prose').getBoundingClientRect().bottom"
    )


def assert_pages_numbered(pdf, digits="0123456789"):
    """Each page of `pdf` carries its number, in `digits`, on a line of its own."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 2
    for number, pdf_page in enumerate(reader.pages, start=1):
        written = str(number).translate(str.maketrans("0123456789", digits))
        assert written in pdf_page.extract_text().splitlines(), number


def assert_screen_unchanged(page):
    page.emulate_media(media="screen")
    for selector in (".site-nav", ".header-search", ".language-switcher", ".article-aside"):
        assert displayed(page, selector), selector
    assert not displayed(page, ".article__address")
    assert after(page, BODY_LINK) == "none"
    assert style(page, ".article-layout", "display") == "grid"


def test_english_article_in_print(chromium, demo_site, artifacts):
    context, page = print_page(chromium, demo_site + EN_PATH)
    try:
        assert page.locator("h1").inner_text() == TITLE
        assert_screen_unchanged(page)
        assert_prints_as_paper(page, demo_site)
        assert "Available at" in page.locator(".article__address").inner_text()
        assert_screen_unchanged(page)
        page.emulate_media(media="print")
        page.set_viewport_size(PAPER_VIEWPORT)
        page.screenshot(path=str(artifacts / "article-en-print.png"), full_page=True)
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
        # At least one page: a PDF's pages are its /Type /Page objects.
        assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) >= 1
        (artifacts / "article-en.pdf").write_bytes(pdf)
        assert_pages_numbered(pdf)
        assert_notes_print_at_the_end(page)
    finally:
        context.close()


def test_arabic_article_in_print(chromium, demo_site, artifacts):
    context, page = print_page(chromium, demo_site + AR_PATH)
    try:
        assert page.evaluate("document.documentElement.dir") == "rtl"
        assert_screen_unchanged(page)
        assert_prints_as_paper(page, demo_site)
        # "Also available in": the other version's full address.
        english = page.locator(".article__translations a[hreflang='en']")
        assert demo_site + EN_PATH in after(page, ".article__translations li:has(a[hreflang='en'])")
        assert english.is_visible()
        page.set_viewport_size(PAPER_VIEWPORT)
        page.screenshot(path=str(artifacts / "article-ar-print.png"), full_page=True)
        pdf = page.pdf(format="A4")
        (artifacts / "article-ar.pdf").write_bytes(pdf)
        assert_pages_numbered(pdf, digits="٠١٢٣٤٥٦٧٨٩")
    finally:
        context.close()


def test_other_pages_in_print(chromium, demo_site, artifacts):
    """Every kind of public page prints its content without the site's controls."""
    context = chromium.new_context(viewport=PAPER_VIEWPORT)
    page = context.new_page()
    page.emulate_media(media="print")
    try:
        for name, url in public_pages().items():
            response = page.goto(demo_site + url, wait_until="networkidle")
            assert response.status == 200, name
            for selector in HIDDEN_IN_PRINT[:5] + [".filters", ".pagination", ".type-filter"]:
                if page.locator(selector).count():
                    assert not displayed(page, selector), (name, selector)
            assert displayed(page, ".site-brand"), name
            assert displayed(page, "h1"), name
            assert displayed(page, "main"), name
            slug = name.replace(" ", "-")
            page.screenshot(path=str(artifacts / f"print-{slug}.png"), full_page=True)
    finally:
        context.close()
