"""The importer of records: everything written through the services, deferred
references, translations, statuses, old addresses, re-runs and dry runs."""

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from articles.models import Article, Region, Topic
from articles.services import article_delete
from experts.models import Expert
from interchange.importer import import_records
from interchange.models import LegacyPath, SourceKey
from library.models import Image
from tests.helpers.interchange import (
    SOURCE,
    importer,
    publication_type,
    site_records,
    write_media,
)


@pytest.fixture
def media(tmp_path):
    return write_media(tmp_path / "media")


@pytest.fixture
def user(db):
    publication_type()
    return importer()


def run(records, media, user, **options):
    return import_records(iter(records), source=SOURCE, media_dir=media, user=user, **options)


def test_a_site_comes_over_whatever_the_order_of_its_records(media, user):
    report = run(site_records(), media, user)
    assert report.problems == []
    assert report.counts[("article", "created")] == 5
    oil = Article.objects.get(slug="oil-and-water")
    dams = Article.objects.get(slug="dams")
    rig = Image.objects.get(title="Oil rig")
    assert [link.expert.name for link in oil.authorships.all()] == ["Jane Smith", "Ahmed al-Omari"]
    assert f'data-image="{rig.pk}"' in oil.body
    assert f'data-link="article:{dams.pk}"' in oil.body
    assert f'data-link="article:{oil.pk}"' in dams.body
    assert "data-note" in oil.body
    assert oil.hero_image.name and oil.hero_image_alt == "Water use by year"
    assert set(oil.tags.names()) == {"oil", "OPEC"}
    assert list(oil.topics.values_list("slug", flat=True)) == ["energy"]
    arabic = Article.objects.get(language="ar")
    assert arabic.translation_set_id == oil.translation_set_id
    assert Region.objects.get(name="Iraq").parent.name == "Middle East"
    assert Topic.objects.get(slug="energy").get_translation("name", "ar") == "الطاقة"
    assert Expert.objects.get(name="Jane Smith").photo.name == rig.file.name
    assert Article.objects.get(title="A draft on pipelines").status == Article.Status.DRAFT
    scheduled = Article.objects.get(title="Coming soon")
    assert scheduled.display_status == Article.DisplayStatus.SCHEDULED
    assert oil.published_at.year == 2019
    assert LegacyPath.objects.filter(path="/?p=123").exists()


def test_importing_twice_is_importing_once(media, user):
    run(site_records(), media, user)
    counts = {model: model.objects.count() for model in (Article, Expert, Image, Topic, Region)}
    keys = SourceKey.objects.count()
    again = run(site_records(), media, user)
    assert {model: model.objects.count() for model in counts} == counts
    assert SourceKey.objects.count() == keys
    assert again.total_of("created") == again.total_of("updated") == 0
    assert again.problems == []


def test_a_changed_record_is_updated(media, user):
    run(site_records(), media, user)
    records = site_records()
    records[2]["title"] = "Dams of the Euphrates"
    report = run(records, media, user)
    assert report.counts[("article", "updated")] == 1
    assert Article.objects.get(slug="dams").title == "Dams of the Euphrates"


def stored_files():
    root = Path(settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def test_a_dry_run_writes_nothing_and_reports_all(media, user):
    files = stored_files()
    report = run(site_records(), media, user, dry_run=True)
    assert stored_files() == files
    assert report.counts[("article", "created")] == 5
    assert not Article.objects.exists() and not Image.objects.exists()
    assert not SourceKey.objects.exists()
    assert "Dry run" in report.summary()


def test_experts_already_on_the_site_are_matched_not_made_twice(media, user):
    by_email = Expert.objects.create(name="Someone Else", slug="else", email="J@Example.org")
    by_name = Expert.objects.create(name="AHMED  al-omari", slug="ahmed")
    report = run(site_records(), media, user)
    assert Expert.objects.count() == 2
    oil = Article.objects.get(slug="oil-and-water")
    assert [link.expert for link in oil.authorships.all()] == [by_email, by_name]
    assert report.counts[("expert", "unchanged")] == 2
    assert len([note for note in report.notes if note.kind == "expert"]) == 2
    by_email.refresh_from_db()
    assert by_email.name == "Someone Else"  # matched, not overwritten


def test_statuses_and_dates_are_kept(media, user):
    run(site_records(), media, user)
    published = Article.objects.published()
    assert set(published.values_list("title", flat=True)) == {
        "Oil and water",
        "النفط والماء",
        "Dams of the Tigris",
    }
    assert Article.objects.get(title="Coming soon").published_at > timezone.now()


def test_an_interrupted_import_resumes_where_it_stopped(media, user):
    records = site_records()
    run(records[:6], media, user)  # stopped halfway
    resumed = run(records, media, user)
    assert resumed.counts[("article", "unchanged")] >= 3
    assert resumed.counts[("image", "created")] == 2
    oil = Article.objects.get(slug="oil-and-water")
    assert oil.authorships.count() == 2 and "data-image" in oil.body
    assert Article.objects.count() == 5


def test_a_reference_missing_then_is_resolved_by_a_later_import(media, user):
    records = site_records()
    without_images = [record for record in records if record["kind"] != "image"]
    first = run(without_images, media, user)
    assert any("346" in line.message for line in first.problems)
    assert not Article.objects.get(slug="oil-and-water").hero_image
    run(records, media, user)
    assert Article.objects.get(slug="oil-and-water").hero_image
    assert run(records, media, user).total_of("updated") == 0


def test_deleted_articles_are_made_again_by_the_next_import(media, user):
    run(site_records(), media, user)
    for article in Article.objects.all():
        article_delete(article, user=user)
    report = run(site_records(), media, user)
    assert report.counts[("article", "created")] == 5, report.summary()
    oil, arabic = Article.objects.get(slug="oil-and-water"), Article.objects.get(language="ar")
    assert oil.translation_set_id == arabic.translation_set_id
