"""
Media on S3-compatible object storage (MEDIA_STORAGE=s3): an expert photo uploaded in
the admin lands in the bucket with its renditions, and the public profile names them
at the bucket's plain public addresses.

The S3 server is moto's standalone one (tests/helpers/s3.py): the storage talks to it over
HTTP exactly as it would to any S3-compatible service.
"""

import io
import urllib.request
from urllib.parse import urlsplit

import pytest
from django.test import Client
from PIL import Image
from storages.backends.s3 import S3Storage

from experts.models import Expert
from tests.helpers.expertforms import change_url, form_data
from tests.helpers.factories import make_expert, make_program
from tests.helpers.htmlpage import parse
from tests.helpers.processes import run, settings_json
from tests.helpers.renditions import jpeg_bytes, upload
from tests.helpers.s3 import BUCKET, stored_keys
from thinktank import renditions
from thinktank.storage_settings import s3_media_storage

pytestmark = pytest.mark.django_db


def candidates(srcset):
    """ "url 160w, url 320w" -> [(url, 160), (url, 320)]."""
    pairs = (candidate.strip().rsplit(" ", 1) for candidate in srcset.split(","))
    return [(url, int(width.rstrip("w"))) for url, width in pairs]


def test_an_expert_photo_uploaded_in_the_admin_is_served_from_the_bucket(
    s3_media, s3_endpoint, admin_client
):
    expert = make_expert("Layla Mansour", program=make_program())
    data = form_data(
        admin_client,
        change_url(expert),
        photo=upload("portrait.jpg", jpeg_bytes((400, 400))),
    )
    response = admin_client.post(change_url(expert), data)
    assert response.status_code == 302, parse(response).find_all(cls="errorlist")
    expert.refresh_from_db()
    assert expert.photo.name.startswith("experts/")

    # The original and every rendition the page names are objects in the bucket.
    keys = stored_keys(s3_media)
    wanted = renditions.plan(expert.photo.name, 400, 400, crop=renditions.SquareCrop())
    assert {expert.photo.name, *(rendition.name for rendition in wanted)} <= keys
    stored = s3_media.head_object(Bucket=BUCKET, Key=wanted[0].name)
    assert stored["CacheControl"] == "public, max-age=86400"

    # A reader (no session, so no cache bypass) sees the profile with those objects.
    page = parse(Client().get(expert.get_absolute_url()))
    photo = page.find("img", cls="profile__photo")
    source = photo.parent.find("source")
    base = f"{s3_endpoint}/{BUCKET}/renditions/{expert.photo.name}"
    assert candidates(source.get("srcset")) == [
        (f"{base}/160-square.webp", 160),
        (f"{base}/320-square.webp", 320),
    ]
    assert candidates(photo.get("srcset")) == [
        (f"{base}/160-square.jpg", 160),
        (f"{base}/320-square.jpg", 320),
    ]
    assert photo.get("src") == f"{base}/320-square.jpg"

    # Plain public addresses (no signature that would expire in a cached page), which
    # anyone can fetch: each is the stored rendition.
    for url, width in candidates(source.get("srcset")) + candidates(photo.get("srcset")):
        assert not urlsplit(url).query, url
        assert urlsplit(url).path.removeprefix(f"/{BUCKET}/") in keys
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 (loopback)
            image = Image.open(io.BytesIO(answer.read()))
        assert image.size == (width, width)
        assert image.format == ("WEBP" if url.endswith(".webp") else "JPEG")


def test_a_second_photo_of_the_same_name_does_not_replace_the_first(s3_media, admin_client):
    first, second = make_expert("First Portrait"), make_expert("Second Portrait")
    for expert in (first, second):
        data = form_data(
            admin_client,
            change_url(expert),
            photo=upload("portrait.jpg", jpeg_bytes((200, 200))),
        )
        assert admin_client.post(change_url(expert), data).status_code == 302
    names = set(Expert.objects.filter(pk__in=[first.pk, second.pk]).values_list("photo", flat=True))
    assert len(names) == 2
    assert names <= stored_keys(s3_media)


# --- the settings -----------------------------------------------------------------------


def test_uploads_stay_on_the_filesystem_by_default(tmp_path):
    backend = settings_json(tmp_path, "settings.STORAGES['default']", DEBUG="1")
    assert backend == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_media_storage_s3_reads_the_bucket_from_the_environment(tmp_path):
    storage = settings_json(
        tmp_path,
        "settings.STORAGES['default']",
        DEBUG="1",
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="institute-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        AWS_S3_REGION_NAME="eu-central-1",
        AWS_ACCESS_KEY_ID="key-id",
        AWS_SECRET_ACCESS_KEY="key-secret",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
    )
    assert storage == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "institute-media",
            "endpoint_url": "https://s3.example.org",
            "region_name": "eu-central-1",
            "access_key": "key-id",
            "secret_key": "key-secret",
            "custom_domain": "media.example.org",
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=86400"},
        },
    }


def test_media_storage_s3_without_a_bucket_stops_with_one_line(tmp_path):
    result = run(["manage.py", "check"], tmp_path, DEBUG="1", MEDIA_STORAGE="s3")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "thinktank: MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME."
    ]


def test_a_cdn_domain_gives_plain_addresses_on_it(monkeypatch):
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", BUCKET)
    monkeypatch.setenv("AWS_S3_CUSTOM_DOMAIN", "media.example.org")
    options = s3_media_storage()["OPTIONS"]
    storage = S3Storage(**options)
    assert storage.url("renditions/experts/portrait.jpg/160-square.webp") == (
        "https://media.example.org/renditions/experts/portrait.jpg/160-square.webp"
    )
