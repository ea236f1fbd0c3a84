"""Bad input is a line of the report, never a traceback, and the import goes on:
broken JSON, wrong types, unknown kinds and keys, missing or hostile image files,
references that never resolve."""

import io

import pytest
from django.contrib.auth.models import User

from articles.models import Article
from interchange.importer import import_records
from interchange.records import read_jsonl
from interchange.report import Report
from library.models import Image
from tests.helpers.interchange import SOURCE, importer, publication_type, write_media

ARTICLE = {
    "kind": "article",
    "id": "1",
    "language": "en",
    "publication_type": "analysis",
    "title": "Still imported",
    "summary": "S.",
    "body": "<p>Text.</p>",
}


@pytest.fixture
def user(db):
    publication_type()
    return importer()


def run(records, user, media=None):
    return import_records(iter(records), source=SOURCE, media_dir=media, user=user)


def problems(report):
    return {(line.kind, line.id): line.message for line in report.problems}


def test_a_line_in_another_encoding_is_reported_and_the_others_imported(user):
    report = Report()
    lines = io.BytesIO(
        '\ufeff{"kind": "topic", "id": "1", "name": {"en": "A"}}\n'.encode()
        + '{"kind": "topic", "id": "2", "name": {"en": "Énergie"}}\n'.encode("latin-1")
        + '{"kind": "topic", "id": "3", "name": {"ar": "الطاقة"}}\n'.encode()
    )
    import_records(read_jsonl(lines, report), source=SOURCE, user=user, report=report)
    assert list(problems(report)) == [("line", "2")]
    assert "UTF-8" in report.problems[0].message
    assert report.counts[("topic", "created")] == 2


def test_a_broken_json_line_is_reported_and_the_next_one_imported(user):
    report = Report()
    lines = io.StringIO('{"kind": "topic", "id": "1", "name": {"en": "A"}}\n{"kind": \n\n[1]\n')
    import_records(read_jsonl(lines, report), source=SOURCE, user=user, report=report)
    assert set(problems(report)) == {("line", "2"), ("line", "4")}
    assert report.counts[("topic", "created")] == 1


@pytest.mark.parametrize(
    ("record", "where"),
    [
        ({**ARTICLE, "id": "2", "title": 12}, "title"),
        ({**ARTICLE, "id": "3", "authors": "jsmith"}, "authors"),
        ({**ARTICLE, "id": "4", "status": "deleted"}, "status"),
        ({**ARTICLE, "id": "5", "published_at": "yesterday"}, "published_at"),
        ({**ARTICLE, "id": "6", "old_paths": ["http://elsewhere/"]}, "old_paths"),
        ({"kind": "poll", "id": "7"}, "kind"),
        ({"kind": "topic", "id": ""}, "id"),
        ({"kind": "topic", "id": 8, "name": {"en": "x"}}, "id"),
    ],
)
def test_a_record_of_the_wrong_shape_is_skipped_with_where_and_why(user, record, where):
    report = run([record, ARTICLE], user)
    [line] = report.problems
    assert where in line.message
    assert Article.objects.get().title == "Still imported"


def test_an_unknown_key_is_said_once(user):
    records = [{**ARTICLE, "id": str(number), "likes": number} for number in range(3)]
    report = run(records, user)
    assert [line.message for line in report.problems] == [
        "unknown key “likes” left out (said once)"
    ]
    assert Article.objects.count() == 3


def test_an_unknown_publication_type_or_language(user):
    report = run(
        [{**ARTICLE, "publication_type": "poem"}, {**ARTICLE, "id": "2", "language": "de"}], user
    )
    assert "poem" in problems(report)[("article", "1")]
    assert "de" in problems(report)[("article", "2")]
    assert report.counts[("article", "skipped")] == 2


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("missing.png", None),
        ("notes.txt", b"not an image"),
        ("fake.png", b"<?php system($_GET['x']); ?>"),
        ("../outside.png", None),
    ],
)
def test_a_missing_or_hostile_image_file_is_skipped_and_its_figures_dropped(
    user, tmp_path, name, content
):
    media = write_media(tmp_path / "media")
    if content is not None:
        (media / name).write_bytes(content)
    (tmp_path / "outside.png").write_bytes(b"x")
    records = [
        {**ARTICLE, "body": '<p>A</p><figure data-image="9"></figure>', "hero_image": "9"},
        {"kind": "image", "id": "9", "file": name, "alt_text": {"en": "x"}},
    ]
    report = run(records, user, media)
    assert not Image.objects.exists()
    assert ("image", "9") in problems(report)
    article = Article.objects.get()
    assert "figure" not in article.body and not article.hero_image
    messages = [line.message for line in report.problems if line.kind == "article"]
    assert any("figure" in message for message in messages)
    assert any("hero image" in message for message in messages)


def test_references_never_resolved_are_reported_and_the_rest_kept(user):
    record = {
        **ARTICLE,
        "authors": ["ghost"],
        "topics": ["nowhere"],
        "body": '<p>See <a data-link="article:404">this</a>.</p>',
        "translation_group": "alone",
    }
    report = run([record, {"kind": "region", "id": "r", "name": {"en": "R"}, "parent": "p"}], user)
    messages = " ".join(line.message for line in report.problems)
    assert "ghost" in messages and "nowhere" in messages and "article:404" in messages
    assert "“p”" in messages
    article = Article.objects.get()
    assert "data-link" not in article.body and "this" in article.body
    assert not article.authorships.exists()
    assert report.counts[("article", "created")] == 1


def test_an_importer_without_the_right_gets_a_line_per_record(db):
    publication_type()
    nobody = User.objects.create_user("nobody")
    report = run([ARTICLE, {"kind": "topic", "id": "t", "name": {"en": "T"}}], nobody)
    assert report.counts[("article", "skipped")] == report.counts[("topic", "skipped")] == 1
    assert not Article.objects.exists()
