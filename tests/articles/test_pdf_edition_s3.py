"""
The PDF edition with MEDIA_STORAGE=s3: kept under the bucket's private/ prefix, handed
over by a short-lived signed address that names the file, removed with an unpublish;
and an upload in the bucket is read by the layout (from the storage, not the network).
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test.utils import override_settings

from articles import services
from tests.helpers.factories import make_article, png_bytes
from tests.helpers.s3 import BUCKET, stored_keys
from thinktank.pdf import SiteFiles, render_pdf
from thinktank.storage_settings import s3_private_storage


@pytest.fixture
def s3_private(settings, s3_media):
    with override_settings(STORAGES={**settings.STORAGES, "private": s3_private_storage()}):
        yield s3_media


def test_kept_in_the_bucket_and_handed_over_signed(
    client, s3_private, editor, django_capture_on_commit_callbacks
):
    article = make_article("In the bucket")
    response = client.get(f"{article.get_absolute_url()}.pdf")
    assert response.status_code == 302
    address = urlsplit(response["Location"])
    query = parse_qs(address.query)
    folder = f"private/pdf-editions/{article.pk}"
    assert address.path.startswith(f"/{BUCKET}/{folder}/{article.version}-")
    assert {"Signature", "X-Amz-Signature"} & set(query)  # signed, SigV2 or SigV4
    assert {"Expires", "X-Amz-Expires"} & set(query)
    assert query["response-content-type"] == ["application/pdf"]
    assert query["response-content-disposition"] == ['attachment; filename="In the bucket.pdf"']
    assert "no-store" in response["Cache-Control"]
    key = address.path.removeprefix(f"/{BUCKET}/")
    assert stored_keys(s3_private) == {key}
    # The signed address gives the PDF; the object itself is not public.
    body = s3_private.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert body.startswith(b"%PDF-")

    client.get(f"{article.get_absolute_url()}.pdf")
    assert stored_keys(s3_private) == {key}  # kept, not made again

    with django_capture_on_commit_callbacks(execute=True):
        services.article_unpublish(article, user=editor)
    assert stored_keys(s3_private) == set()
    assert client.get(f"{article.get_absolute_url()}.pdf").status_code == 404


def test_an_upload_in_the_bucket_is_read_from_the_storage(s3_media, remote_server):
    name = default_storage.save("figures/chart.png", ContentFile(png_bytes((30, 20))))
    files = SiteFiles()
    html = f'<img src="{default_storage.url(name)}" alt="A chart">'
    content = render_pdf(f"<!doctype html><html><body>{html}</body></html>", files=files)
    assert files.refused == []
    assert b"/Subtype /Image" in content
