"""The admin's list of old addresses of imported pages, in Chromium: in an English and
an Arabic admin, with English and Arabic content, no serious or critical axe-core
violation; a screenshot of each is kept in test-artifacts/."""

import pytest
from django.contrib.auth.models import User

from interchange.importer import import_records
from tests.helpers.axe import axe_context, axe_violations
from tests.helpers.interchange import SOURCE, publication_type, site_records, write_media

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def imported_site(live_server, tmp_path):
    publication_type()
    user = User.objects.create_superuser("importer", "i@example.org", "changeme")
    import_records(iter(site_records()), source=SOURCE, media_dir=write_media(tmp_path), user=user)
    return live_server.url


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_old_addresses_list_is_accessible(chromium, imported_site, artifacts, language):
    context, page = axe_context(chromium, imported_site, "importer", language)
    try:
        page.goto(f"{imported_site}/admin/interchange/legacypath/?q=")
        assert page.locator("#result_list tbody tr").count() >= 7
        assert page.get_by_text("النفط والماء").count() == 1
        page.screenshot(path=str(artifacts / f"legacy-paths-{language}.png"), full_page=True)
        assert axe_violations(page) == []
        page.locator("#result_list tbody tr a").first.click()
        page.wait_for_selector("#legacypath_form")
        assert axe_violations(page) == []
    finally:
        context.close()
