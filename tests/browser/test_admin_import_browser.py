"""
The import in the admin in a real browser: an editor uploads a small WordPress export
from the article list, reads the dry run's report, confirms, and opens the imported
article; the pages have no serious accessibility violation, in English and in Arabic.
"""

import pytest
from django.contrib.auth.models import Group, User

from articles.models import Article
from tests.helpers.axe import assert_accessible, axe_context
from tests.helpers.factories import make_publication_type
from tests.helpers.wxr import WXRWriter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def newsroom(live_server, roles, tmp_path):
    user = User.objects.create_user("import-editor", password="changeme", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    make_publication_type("Policy Analysis")
    export = tmp_path / "old-site.xml"
    with open(export, "w", encoding="utf-8") as file, WXRWriter(file) as wxr:
        wxr.author("jsmith", email="j@example.org", display_name="Jane Smith")
        wxr.category("energy", "Energy", id=3)
        wxr.item(
            "101",
            title="Oil and water",
            slug="oil-and-water",
            creator="jsmith",
            content="Water is scarce.\n\nA second paragraph.[contact-form-7 id=1]",
            terms=[("category", "energy", "Energy")],
        )
    return {"url": live_server.url, "export": export}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_editor_imports_a_small_export(chromium, newsroom, artifacts, language):
    base = newsroom["url"]
    context, page = axe_context(chromium, base, "import-editor", language)
    page.goto(f"{base}/admin/articles/article/")
    page.click("a[href='/admin/interchange/legacypath/import/']")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    page.set_input_files("#id_source", str(newsroom["export"]))
    page.set_input_files("#id_mapping", str(newsroom["export"]))  # not TOML: refused
    page.click(".submit-row input[type=submit]")
    assert (
        page.locator("#id_mapping").get_attribute("aria-describedby").startswith("id_mapping_error")
    )
    assert_accessible(page, "the upload form with an error")
    page.screenshot(path=str(artifacts / f"admin-import-form-{language}.png"), full_page=True)

    page.set_input_files("#id_source", str(newsroom["export"]))
    page.click(".submit-row input[type=submit]")
    page.wait_for_url("**/import/*/")
    assert page.locator(".import-counts").is_visible()
    assert "contact-form-7" in page.locator("#content-main").inner_text()
    assert not Article.objects.exists()
    assert_accessible(page, "the dry run's report")
    page.screenshot(path=str(artifacts / f"admin-import-dry-run-{language}.png"), full_page=True)

    page.click(".submit-row input[type=submit]")
    page.locator(".import-articles a").first.wait_for()
    assert_accessible(page, "the import's report")
    page.screenshot(path=str(artifacts / f"admin-import-done-{language}.png"), full_page=True)
    page.click("text=Oil and water")
    assert page.locator("#id_title").input_value() == "Oil and water"
    assert Article.objects.get().slug == "oil-and-water"
    context.close()
