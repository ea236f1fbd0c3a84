"""Export, then import the export into an empty site: the same public pages (figures,
notes, internal links, translations, Arabic), and the commands that do it."""

import io
import json
import re

import pytest
from django.core.management import call_command

from articles.models import (
    Article,
    ArticleRevision,
    Region,
    TaxonomyRedirect,
    Topic,
    TranslationSet,
)
from experts.models import Expert, ExpertRevision
from interchange.models import LegacyPath, SourceKey
from library.models import Image
from tests.helpers.interchange import importer, publication_type, site_records, write_media

MEDIA_URL = re.compile(r'/media/[^"\s,]+')
PUBLIC = ("/policy-analysis/oil-and-water", "/policy-analysis/dams", "/policy-analysis/energy")


def command(*args, **options):
    """Run a management command; what it printed."""
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records))
    return path


def page(client, url):
    """The page at `url`, its files' addresses (random names, made anew) left out."""
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return MEDIA_URL.sub("/media/…", main)


def empty_the_site():
    """What an import makes, gone: the site as it was before any content."""
    LegacyPath.objects.all().delete()
    SourceKey.objects.all().delete()
    ArticleRevision.objects.all().delete()
    ExpertRevision.objects.all().delete()
    for article in Article.objects.all():
        article.tags.clear()
    Article.objects.all().delete()
    TranslationSet.objects.all().delete()
    Expert.objects.all().delete()
    TaxonomyRedirect.objects.all().delete()
    Topic.objects.all().delete()
    Region.objects.filter(parent__isnull=False).delete()
    Region.objects.all().delete()
    Image.objects.all().delete()


@pytest.fixture
def site(db, tmp_path, client):
    publication_type()
    importer()
    source = write_jsonl(tmp_path / "old.jsonl", site_records())
    write_media(tmp_path / "media")
    command("import_jsonl", source)
    return tmp_path


def urls():
    arabic = Article.objects.get(language="ar")
    expert = Expert.objects.get(name="Jane Smith")
    return [*PUBLIC, arabic.get_absolute_url(), expert.get_absolute_url()]


def fields():
    """What each article is, drafts included, by language and slug (not by id)."""
    found = {}
    for article in Article.objects.order_by("language", "slug"):
        versions = sorted(
            (version.language, version.slug) for version in article.translation_set.articles.all()
        )
        found[(article.language, article.slug)] = {
            "title": article.title,
            "summary": article.summary,
            "status": article.status,
            "published_at": article.published_at,
            "authors": [link.expert.name for link in article.authorships.all()],
            "topics": sorted(article.topics.values_list("slug", flat=True)),
            "regions": sorted(article.regions.values_list("slug", flat=True)),
            "tags": sorted(article.tags.names()),
            "hero": (bool(article.hero_image), article.hero_image_alt),
            "versions": versions,
        }
    return found


def test_an_export_imported_into_an_empty_site_gives_the_same_pages(site, client, tmp_path):
    before = {url: page(client, url) for url in urls()}
    articles_before = fields()
    oil = before[PUBLIC[0]]
    assert "<figure" in oil and 'href="/policy-analysis/dams"' in oil and "A note on water" in oil
    assert "Jane Smith" in oil and "الماء نادر" in before[urls()[3]]
    command("export_site", tmp_path / "export")
    empty_the_site()
    command(
        "import_jsonl",
        tmp_path / "export" / "site.jsonl",
        report=tmp_path / "report.json",
    )
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["problems"] == []
    after = {url: page(client, url) for url in urls()}
    assert fields() == articles_before
    for url in before:
        assert after[url] == before[url], url
    assert client.get("/?p=123")["Location"] == "/policy-analysis/oil-and-water"


def test_an_export_has_every_record_and_file(site, tmp_path):
    command("export_site", tmp_path / "export")
    lines = (tmp_path / "export" / "site.jsonl").read_text().splitlines()
    records = [json.loads(line) for line in lines]
    kinds = [record["kind"] for record in records]
    assert kinds.count("article") == 5 and kinds.count("topic") == 1 and kinds.count("region") == 2
    for record in records:
        if record["kind"] == "image":
            assert (tmp_path / "export" / "media" / record["file"]).is_file()
    draft = next(r for r in records if r.get("title") == "A draft on pipelines")
    assert draft["status"] == "draft" and draft["old_paths"] == ["/?p=125"]
