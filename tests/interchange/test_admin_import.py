"""The import in the admin: an upload runs a dry run that writes nothing and shows the
report, "Import" imports the same files once, the report is downloadable, and only a
user with the import permission gets the pages."""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles.models import Article
from interchange import uploads
from interchange.models import SourceKey
from tests.helpers import wxr_sites as site
from tests.helpers.factories import make_publication_type, png_bytes
from tests.helpers.interchange import site_records

UPLOAD = reverse("admin:interchange_import")


@pytest.fixture
def editing(db, roles, client, editor):
    make_publication_type("Policy Analysis")
    client.force_login(editor)
    return client


def upload(client, name, data, **more):
    files = {"source": SimpleUploadedFile(name, data)}
    files.update({key: SimpleUploadedFile(f"{key}.bin", value) for key, value in more.items()})
    return client.post(UPLOAD, files)


def arabic_export(tmp_path):
    return site.write_arabic_export(tmp_path / "ar.xml").read_bytes()


def test_an_upload_is_a_dry_run_then_import_imports_it_once(editing, tmp_path):
    response = upload(editing, "ar.xml", arabic_export(tmp_path))
    assert response.status_code == 302
    confirm = response["Location"]
    page = editing.get(confirm)
    assert "Dry run: nothing was written" in page.content.decode()
    assert Article.objects.count() == 0 and SourceKey.objects.count() == 0
    assert editing.get(confirm + "report/").json()["dry_run"] is True

    done = editing.post(confirm, follow=True)
    arabic = Article.objects.get(language="ar")
    text = done.content.decode()
    assert "The import is done." in text
    assert reverse("admin:articles_article_change", args=[arabic.pk]) in text
    report = editing.get(confirm + "report/")
    assert report["Content-Disposition"].startswith("attachment")
    assert report.json()["dry_run"] is False and report.json()["counts"]["article"]["created"] == 1

    again = editing.post(confirm, follow=True)
    assert "imported already" in again.content.decode()
    assert Article.objects.count() == 1


def test_jsonl_with_its_own_mapping(editing):
    records = [
        {**record, "publication_type": "report"}
        for record in site_records()
        if record["kind"] == "article"
    ]
    lines = "\n".join(json.dumps(record, ensure_ascii=False) for record in records)
    mapping = b'[publication_types]\nreport = "policy-analysis"\n'
    response = upload(editing, "old-site.jsonl", lines.encode(), mapping=mapping)
    page = editing.get(response["Location"]).content.decode()
    assert "publication_type “report” → “policy-analysis”" in page
    editing.post(response["Location"])
    assert set(Article.objects.values_list("publication_type__slug", flat=True)) == {
        "policy-analysis"
    }


def test_a_wordpress_mapping_is_refused_for_json_lines(editing):
    wordpress = b'[post_types]\npost = "policy-analysis"\n'
    response = upload(editing, "old-site.jsonl", b"{}\n", mapping=wordpress)
    assert "unknown key(s) post_types" in response.content.decode()


def test_jsonl_with_a_zip_of_the_media_and_a_broken_line(editing):
    records = site_records(publication_type="policy-analysis")
    lines = "\n".join(json.dumps(record, ensure_ascii=False) for record in records)
    media = io.BytesIO()
    with zipfile.ZipFile(media, "w") as archive:
        for name in ("2019/03/rig.png", "2019/04/chart.png"):
            archive.writestr(f"media/{name}", png_bytes((64, 40)))
    response = upload(
        editing, "old-site.jsonl", (lines + "\n{broken\n").encode(), media=media.getvalue()
    )
    page = editing.get(response["Location"]).content.decode()
    broken_line = len(records) + 1
    assert f'<bdi dir="ltr">{broken_line}</bdi></td><td dir="auto">not JSON' in page
    assert Article.objects.count() == 0
    editing.post(response["Location"])
    assert Article.objects.filter(slug="oil-and-water").exists()
    assert SourceKey.objects.filter(source="jsonl:old-site", kind="image").count() == 2


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("notes.txt", b"hello", "Upload a WordPress export"),
        ("export.xml", b"\x89PNG not xml", "not XML"),
        (
            "evil.xml",
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "b">]><rss>&a;</rss>',
            "document type or entities",
        ),
    ],
)
def test_hostile_or_wrong_files_are_refused_with_a_message(editing, name, data, message):
    response = upload(editing, name, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'aria-describedby="id_source_error' in response.content.decode()
    assert SourceKey.objects.count() == 0


def test_a_zip_bomb_and_a_broken_zip_are_refused(editing, tmp_path):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("2019/zeros.jpg", b"\0" * (30 * 1024 * 1024))
    response = upload(editing, "ar.xml", arabic_export(tmp_path), media=bomb.getvalue())
    assert "zip bomb" in response.content.decode()
    response = upload(editing, "ar.xml", arabic_export(tmp_path), media=b"PK\x03\x04 broken")
    assert "not a zip file" in response.content.decode()


def test_a_wrong_mapping_is_refused(editing, tmp_path):
    response = upload(
        editing, "ar.xml", arabic_export(tmp_path), mapping=b'[taxonomies]\ncategory = "x"\n'
    )
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    response = upload(editing, "ar.xml", arabic_export(tmp_path), mapping=b"not = toml = x")
    assert "not valid TOML" in response.content.decode()


def test_too_large_a_file_is_refused(editing, tmp_path, settings):
    settings.IMPORT_MAX_UPLOAD_SIZE = 100
    response = upload(editing, "ar.xml", arabic_export(tmp_path))
    assert response.status_code == 200 and "at most 100" in response.content.decode()


@pytest.mark.parametrize("role", ["contributor", "expert_manager"])
def test_other_roles_get_403_on_the_page_and_a_crafted_post(
    db, roles, request, client, tmp_path, role
):
    client.force_login(request.getfixturevalue(role))
    assert client.get(UPLOAD).status_code == 403
    assert upload(client, "ar.xml", arabic_export(tmp_path)).status_code == 403
    token = "a" * 32
    confirm = reverse("admin:interchange_import_confirm", args=[token])
    assert client.post(confirm).status_code == 403
    assert Article.objects.count() == 0


def test_another_users_upload_is_not_found(editing, client, tmp_path, django_user_model):
    confirm = upload(editing, "ar.xml", arabic_export(tmp_path))["Location"]
    other = django_user_model.objects.create_superuser("other", "o@example.org", "x")
    client.force_login(other)
    assert client.get(confirm).status_code == 404
    client.post(confirm)
    assert Article.objects.count() == 0


def test_the_page_is_linked_from_the_article_list(editing):
    page = editing.get(reverse("admin:articles_article_changelist")).content.decode()
    assert UPLOAD in page


@hypothesis_settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=2048), name=st.sampled_from(["a.xml", "a.jsonl", "a.zip", "a"]))
def test_any_bytes_are_read_or_refused_with_a_message(data, name):
    upload = SimpleUploadedFile(name, data)
    checks = (
        uploads.check_source,
        uploads.check_media,
        uploads.check_mapping,
        lambda upload: uploads.check_mapping(upload, uploads.JSONL),
    )
    for check in checks:
        try:
            check(upload)
        except uploads.UploadRefused as refused:
            assert str(refused)
        upload.seek(0)
