"""New articles written a batch at a time (interchange/batch.py, articles_create): what
one batch makes is what the one-record path makes, across batches too, and one record
the site refuses leaves the others of its batch in and is reported on its own."""

import pytest

from articles import revisions
from articles.models import Article, ArticleImage, ArticleLink
from articles.search import search_articles
from interchange import importer as importer_module
from interchange.importer import import_records
from tests.helpers.factories import make_event_type, make_topic
from tests.helpers.interchange import SOURCE, importer, publication_type, write_media
from tests.helpers.interchange import article_record as article


@pytest.fixture
def user(db):
    publication_type()
    return importer()


@pytest.fixture
def batches_of(monkeypatch):
    def size(count):
        monkeypatch.setattr("interchange.batch.SIZE", count)

    return size


def run(records, user):
    return import_records(iter(records), source=SOURCE, user=user)


def imported(record_id):
    return Article.objects.get(title=f"Article {record_id}")


@pytest.mark.parametrize("size", [1, 2, 250])
def test_a_translation_group_is_one_set_whatever_the_batches(user, batches_of, size):
    batches_of(size)
    records = [
        article("1", translation_group="g"),
        article("2"),
        article("3", language="ar", translation_group="g"),
        article("4", language="fa", translation_group="g"),
    ]
    report = run(records, user)
    assert report.problems == []
    sets = {imported(n).translation_set_id for n in ("1", "3", "4")}
    assert len(sets) == 1 and imported("2").translation_set_id not in sets


@pytest.mark.parametrize("size", [1, 250])
def test_a_second_version_in_one_language_of_a_group_gets_a_set_of_its_own(user, batches_of, size):
    batches_of(size)
    records = [article(n, translation_group="g") for n in ("1", "2")]
    report = run(records, user)
    assert imported("1").translation_set_id != imported("2").translation_set_id
    assert [line.id for line in report.problems] == ["2"]
    assert "already has a version in this language" in report.problems[0].message


def test_slugs_taken_in_the_batch_or_by_a_topic_are_made_free(user):
    make_topic("Energy", slug="energy")
    records = [
        article("1", slug="energy"),
        article("2", slug="oil"),
        article("3", slug="oil"),
        article("4", slug="oil", language="ar"),
    ]
    assert run(records, user).problems == []
    slugs = [imported(n).slug for n in ("1", "2", "3", "4")]
    assert slugs == ["energy-2", "oil", "oil-2", "oil"]


def test_a_record_the_site_refuses_leaves_the_rest_of_its_batch_in(user):
    make_event_type()
    records = [article("1"), article("2", publication_type="event"), article("3")]
    report = run(records, user)
    assert set(Article.objects.values_list("title", flat=True)) == {"Article 1", "Article 3"}
    assert [(line.id, "start time" in line.message) for line in report.problems] == [("2", True)]
    assert report.counts[("article", "created")] == 2
    assert report.counts[("article", "skipped")] == 1


def test_what_a_batch_records_is_what_reading_the_article_back_gives(user):
    records = [
        {"kind": "expert", "id": "e1", "name": "Jane Smith"},
        {"kind": "topic", "id": "t1", "name": {"en": "Water"}},
        {"kind": "region", "id": "r1", "name": {"en": "Iraq"}},
        article(
            "1",
            body='<p>See <a data-link="expert:e1">her</a>.</p>',
            authors=["e1"],
            topics=["t1"],
            regions=["r1"],
            tags=["oil", "OPEC", "opec"],
            status="published",
            published_at="2020-01-01T00:00:00Z",
        ),
        article("2", body='<p><a data-link="article:1">The first</a></p>', tags=["Oil"]),
    ]
    run(records, user)
    for record_id in ("1", "2"):
        piece = imported(record_id)
        # One revision each: the second pass (the link to an article of the same
        # batch) completes the first's.
        assert piece.revisions.get().data == revisions.snapshot(piece)
    first = imported("1")
    assert first.revisions.get().data["tags"] == ["OPEC", "oil"]
    assert set(ArticleLink.objects.values_list("article__title", "kind")) == {
        ("Article 1", "expert"),
        ("Article 2", "article"),
    }
    assert not ArticleImage.objects.exists()
    for words in ("Jane Smith", "Water", "Iraq", "Article 2"):
        assert list(search_articles(Article.objects.all(), words)), words


def test_figures_of_a_batch_are_the_library_s_usage(user, tmp_path):
    media = write_media(tmp_path)
    records = [
        {"kind": "image", "id": "i1", "file": "2019/03/rig.png", "title": "A rig"},
        article("1", body='<figure data-image="i1" data-size="full"></figure>', hero_image="i1"),
    ]
    report = import_records(iter(records), source=SOURCE, user=user, media_dir=media)
    piece = imported("1")
    assert [usage.image.title for usage in ArticleImage.objects.all()] == ["A rig"], report.problems
    assert piece.hero_image and piece.hero_image_alt


@pytest.mark.parametrize(
    "link",
    ['<a data-link="article:1">the first</a>', '<a href="/2019/first/">the first</a>'],
)
def test_links_between_articles_of_one_batch_are_made_in_it(user, link, monkeypatch):
    alone = []  # records written one at a time (a second pass)
    write_record = importer_module.write_record
    monkeypatch.setattr(
        importer_module, "write_record", lambda r, run: alone.append(r) or write_record(r, run)
    )
    records = [
        article("2", body=f"<p>See {link}.</p>", status="published"),
        article("1", old_paths=["/2019/first/"], status="published"),
    ]
    report = run(records, user)
    assert alone == []
    second, first = imported("2"), imported("1")
    assert f'data-link="article:{first.pk}"' in second.body, report.problems
    assert second.revisions.get().data["body"] == second.body
    assert list(second.body_links.values_list("target_id", flat=True)) == [first.pk]
    again = run(records, user)
    assert again.total_of("updated") == 0 and again.total_of("created") == 0
