"""
An article's documents in Chromium, in English and in Arabic: the list sits in the
article's column, reads in the page's direction, and a click downloads the file under
its title's name.
"""

import pytest
from django.contrib.auth.models import Group, User

from tests.helpers.browser import ADMIN_VIEWPORT, log_in, save_article
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


def test_an_editor_attaches_a_pdf_in_the_admin(chromium, live_server, roles, artifacts):
    editor = User.objects.create_user("documents-editor", password="changeme", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    article = make_article("Attached in the Admin", slug="attached-in-the-admin")
    context = chromium.new_context(viewport=ADMIN_VIEWPORT)
    page = context.new_page()
    try:
        log_in(page, live_server.url, "documents-editor")
        page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
        group = page.locator("#documents-group")
        group.locator(".add-row a").click()
        page.fill("#id_documents-0-title", "Full report")
        page.set_input_files(
            "#id_documents-0-file",
            {"name": "report.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes(["x"])},
        )
        save_article(page)
        page.wait_for_selector(".messagelist .success")
        document = article.documents.get()
        row = page.locator("#documents-group tbody tr.has_original").first
        assert f"/documents/{document.pk}" in row.inner_text()
        group.scroll_into_view_if_needed()
        page.screenshot(path=artifacts / "documents-admin.png")
        page.goto(live_server.url + article.get_absolute_url())
        assert page.locator("section.documents a").first.inner_text() == "Full report"
    finally:
        context.close()
