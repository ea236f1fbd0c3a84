"""
"Download PDF" on the demo article in a real Chromium, in English and Arabic: the link
downloads the article's PDF edition, named after its title, whose text is the article's;
on paper the link is hidden (static/css/print.css).
"""

import pytest

from tests.helpers.demo import BROWSER_VIEWPORT, MAIN_ARABIC_URL, MAIN_TITLE, MAIN_URL
from tests.helpers.multilingual import translated
from tests.helpers.pdf import pdf_text

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("private_folder"),
]


def download(chromium, url, label):
    """(suggested filename, bytes) of the download the page's PDF link starts."""
    context = chromium.new_context(viewport=BROWSER_VIEWPORT, accept_downloads=True)
    try:
        page = context.new_page()
        page.goto(url)
        link = page.locator(".article__pdf a")
        assert link.inner_text() == label
        with page.expect_download() as started:
            link.click()
        download = started.value
        content = open(download.path(), "rb").read()  # noqa: SIM115, PTH123 (Playwright's file)
        page.emulate_media(media="print")
        assert not link.is_visible()  # not on paper
        return download.suggested_filename, content
    finally:
        context.close()


def test_download_pdf_in_english_and_arabic(chromium, demo_site):
    name, content = download(chromium, demo_site + MAIN_URL, "Download PDF")
    assert name == f"{MAIN_TITLE}.pdf"
    assert content.startswith(b"%PDF-")
    assert MAIN_TITLE[:40] in pdf_text(content)

    label = translated("ar", "Download PDF")
    name, content = download(chromium, demo_site + MAIN_ARABIC_URL, label)
    assert name.endswith(".pdf") and name.startswith("انحياز بوتين")
    assert "انحياز بوتين" in pdf_text(content)
