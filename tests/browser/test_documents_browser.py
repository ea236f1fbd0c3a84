"""
An article's documents in Chromium, in English and in Arabic: the list sits in the
article's column, reads in the page's direction, and a click downloads the file under
its title's name.
"""

import pytest

from tests.helpers.documents import make_document, pdf_bytes, xlsx_bytes
from tests.helpers.factories import make_article, make_expert

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = {
    "en": ("Shipping Through the Strait", "shipping-through-the-strait", "Documents"),
    "ar": ("الملاحة عبر المضيق", "almilaha", "الوثائق"),
}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_documents_are_listed_and_downloaded(chromium, live_server, artifacts, language):
    title, slug, heading = PAGES[language]
    article = make_article(
        title,
        slug=slug,
        language=language,
        authors=[make_expert()],
        body="<p>" + "A paragraph of the analysis. " * 40 + "</p>",
    )
    report = make_document(
        article,
        "التقرير الكامل" if language == "ar" else "Full report",
        pdf_bytes(["page"] * 12),
    )
    make_document(article, "Data appendix", xlsx_bytes(), language="en", position=1)
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(live_server.url + article.get_absolute_url())
        section = page.locator("section.documents")
        assert section.locator("h2").text_content() == heading
        assert section.evaluate("element => getComputedStyle(element).direction") == (
            "rtl" if language == "ar" else "ltr"
        )
        column = page.locator("article.article").bounding_box()
        box = section.bounding_box()
        assert column["x"] <= box["x"] and box["x"] + box["width"] <= column["x"] + column["width"]
        section.scroll_into_view_if_needed()
        page.screenshot(path=artifacts / f"documents-{language}.png", full_page=False)
        with page.expect_download() as download:
            section.locator("a").first.click()
        assert download.value.suggested_filename == report.filename
    finally:
        page.close()
