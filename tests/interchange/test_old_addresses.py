"""Old addresses of imported pages, asked of the site with the test client: 301 to the
current address (after a slug change too), queries matched, drafts never leaked."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from articles.services import article_save
from interchange.importer import import_records
from interchange.models import LegacyPath
from interchange.services import legacy_path_delete, legacy_path_save, legacy_paths_set
from tests.helpers.interchange import SOURCE, importer, publication_type, site_records, write_media


@pytest.fixture
def imported(db, tmp_path):
    publication_type()
    user = importer()
    report = import_records(
        iter(site_records()), source=SOURCE, media_dir=write_media(tmp_path), user=user
    )
    assert report.problems == []
    return user


@pytest.mark.parametrize(
    "old",
    [
        "/2019/03/oil-and-water/",
        "/2019/03/oil-and-water",
        "/2019/03/oil-and-water/?utm=x",
        "/?p=123",
    ],
)
def test_an_old_address_of_an_article_answers_301_to_its_page(client, imported, old):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == "/policy-analysis/oil-and-water"
    assert client.head(old).status_code == 301


def test_an_arabic_article_leads_to_its_arabic_address(client, imported):
    response = client.get("/ar/2019/03/oil-and-water/")
    assert response.status_code == 301
    arabic = Article.objects.get(language="ar")
    assert response["Location"] == arabic.get_absolute_url()
    assert response["Location"].startswith("/ar/")


def test_the_redirect_follows_a_later_change_of_slug(client, imported):
    article = Article.objects.get(slug="oil-and-water")
    article.slug = "oil-water-and-power"
    article_save(article, user=imported)
    response = client.get("/?p=123")
    assert response["Location"] == "/policy-analysis/oil-water-and-power"
    assert client.get(response["Location"]).status_code == 200


def test_experts_and_topics_old_addresses(client, imported):
    assert client.get("/author/jsmith/")["Location"].startswith("/experts/")
    assert client.get("/category/energy/")["Location"] == "/policy-analysis/energy"


def test_a_draft_is_never_found_through_an_old_address(client, imported):
    assert client.get("/?p=125").status_code == 404
    assert b"pipelines" not in client.get("/?p=125").content


def test_an_address_in_arabic_letters_or_with_odd_characters(client, imported):
    article = Article.objects.get(slug="dams")
    legacy_paths_set(article, ["/2019/05/سدود/", "/a%2541"], source=SOURCE, user=imported)
    assert client.get("/2019/05/%D8%B3%D8%AF%D9%88%D8%AF/").status_code == 301
    assert client.get("/a%2541").status_code == 301
    assert client.get("/aA").status_code == 404
    assert client.get("/x%00y/").status_code == 404


def test_other_queries_and_addresses_are_left_alone(client, imported):
    assert client.get("/?p=999").status_code == 200  # the home page
    assert client.get("/2020/no-such-page/").status_code in (301, 404)
    assert client.post("/2019/03/oil-and-water/").status_code != 301


def test_the_admin_lists_old_addresses_in_a_fixed_number_of_queries(client, imported):
    client.force_login(imported)
    url = "/admin/interchange/legacypath/"
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    assert response.status_code == 200
    assert "/?p=123" in response.content.decode() and "Oil and water" in response.content.decode()
    article = Article.objects.get(slug="dams")
    legacy_paths_set(article, [f"/more/{n}/" for n in range(10)], source=SOURCE, user=imported)
    with CaptureQueriesContext(connection) as more:
        client.get(url)
    assert len(more) == len(few)


def test_an_old_address_is_corrected_and_deleted_through_the_services(imported, contributor):
    legacy_path = LegacyPath.objects.get(path="/?p=123")
    with pytest.raises(PermissionDenied):
        legacy_path_delete(legacy_path, user=contributor)
    legacy_path.path = "/?p=0123&x="
    legacy_path_save(legacy_path, user=imported)
    assert LegacyPath.objects.filter(path="/?p=0123&x=").exists()
    legacy_path_delete(legacy_path, user=imported)
    assert not LegacyPath.objects.filter(pk=legacy_path.pk).exists()
