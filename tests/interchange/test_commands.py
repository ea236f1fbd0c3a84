"""The commands: import_jsonl's options (media directory, source, dry run, report file,
the acting user) and its clear refusals; export_site's summary."""

import io
import json

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article
from tests.helpers.interchange import importer, publication_type, site_records, write_media


def command(*args, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def export(db, tmp_path):
    publication_type()
    path = tmp_path / "old.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in site_records()))
    write_media(tmp_path / "media")
    return path


def test_a_dry_run_prints_the_report_and_writes_nothing(export, tmp_path):
    importer()
    out, err = command("import_jsonl", export, dry_run=True, report=tmp_path / "r.txt")
    assert "Dry run" in out and "article: created 5" in out
    assert "12 / 12 (100%)" in err
    assert (tmp_path / "r.txt").read_text() == out
    assert not Article.objects.exists()


def test_the_source_keys_re_runs(export):
    importer()
    command("import_jsonl", export, source="jsonl:a")
    out, _err = command("import_jsonl", export, source="jsonl:a")
    assert "article: unchanged 5" in out
    assert Article.objects.count() == 5


def test_an_editor_imports_what_an_editor_may_write(export, editor):
    out, _err = command("import_jsonl", export, user=editor.username)
    assert "article: created 5" in out


def test_a_contributor_may_not_publish_by_importing(export, contributor):
    out, _err = command("import_jsonl", export, user=contributor.username)
    assert "skipped" in out
    assert not Article.objects.exclude(status__in=["draft", "review"]).exists()


def test_clear_refusals(export, tmp_path):
    with pytest.raises(CommandError, match="superuser"):
        command("import_jsonl", export)
    User.objects.create_user("inactive", is_active=False)
    with pytest.raises(CommandError, match="inactive"):
        command("import_jsonl", export, user="inactive")
    with pytest.raises(CommandError, match="No such file"):
        command("import_jsonl", tmp_path / "nothing.jsonl", user="inactive")


def test_export_site_says_what_it_wrote(export, tmp_path):
    importer()
    command("import_jsonl", export)
    out, _err = command("export_site", tmp_path / "out")
    assert out.startswith("12 records written to")
