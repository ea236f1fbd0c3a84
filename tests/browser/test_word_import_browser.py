"""
Import from Word in a real browser: a contributor uploads a .docx from the article
list, sees what was not imported, opens the draft and finds the document's text in the
editor; a hostile file gets its message on the same page.
"""

import pytest
from django.contrib.auth.models import Group, User

from articles.models import Article
from tests.helpers import word
from tests.helpers.browser import ADMIN_VIEWPORT as VIEWPORT
from tests.helpers.browser import log_in
from tests.helpers.factories import make_publication_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def newsroom(live_server, roles, tmp_path):
    user = User.objects.create_user("word-contributor", password="changeme", is_staff=True)
    user.groups.add(Group.objects.get(name="Contributors"))
    make_publication_type("Policy Analysis", slug="policy-analysis-type")
    report = tmp_path / "ports-and-power.docx"
    report.write_bytes(word.with_comment(word.report(image_without_alt=True)))
    hostile = tmp_path / "bomb.docx"
    hostile.write_bytes(word.zip_bomb(30 * 1024 * 1024))
    return {"url": live_server.url, "report": report, "hostile": hostile}


def test_a_contributor_imports_a_draft_from_word(chromium, newsroom, artifacts):
    base = newsroom["url"]
    context = chromium.new_context(viewport=VIEWPORT)
    page = context.new_page()
    log_in(page, base, "word-contributor")

    page.goto(f"{base}/admin/articles/article/")
    page.click("text=Import from Word")
    page.set_input_files("#id_document", str(newsroom["hostile"]))
    page.click("input[type=submit][value='Make a draft']")
    assert "zip bomb" in page.locator(".errorlist").inner_text()
    assert not Article.objects.exists()

    page.set_input_files("#id_document", str(newsroom["report"]))
    page.click("input[type=submit][value='Make a draft']")
    page.wait_for_url("**/import-word/report/")
    unsupported = page.locator("#word-unsupported li").all_inner_texts()
    assert "1 comment was not imported." in unsupported
    assert any(line.startswith("Image 2 was not imported: ") for line in unsupported)
    page.screenshot(path=str(artifacts / "word-import-report.png"), full_page=True)

    page.click("text=Open the draft")
    assert page.locator("#id_title").input_value() == "Ports and Power"
    editor = page.locator(".field-body .ProseMirror:visible").first
    assert "Introduction" in editor.inner_text()
    assert "Tonnage" in editor.inner_text()
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    context.close()
