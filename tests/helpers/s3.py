"""
An S3-compatible server for the tests that store media in a bucket (MEDIA_STORAGE=s3):
moto's standalone one, started on a free loopback port, so the storage talks to it
over HTTP exactly as it would to any S3-compatible service. A plugin of the test suite
(tests/conftest.py), so any module may ask for them; moto and boto3 are imported only
by a test that does.
"""

import json

import pytest
from django.test.utils import override_settings

from thinktank.storage_settings import s3_media_storage, s3_private_storage

BUCKET = "thinktank-media"


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint):
    import boto3

    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing-key",
        aws_secret_access_key="testing-secret",
    )
    client.create_bucket(Bucket=BUCKET)
    # Pages name plain addresses, so anyone may read the objects (README, "Running on
    # many machines"); writing still needs the keys.
    public_read = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                # Never the files that follow an article's visibility (README).
                "NotResource": f"arn:aws:s3:::{BUCKET}/private/*",
            }
        ],
    }
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(public_read))
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def _bucket_environment(settings, monkeypatch, s3_endpoint):
    settings.PAGE_CACHE_SECONDS = 0  # every page rendered now, from what is stored now
    for name, value in {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing-key",  # moto takes any
        "AWS_SECRET_ACCESS_KEY": "testing-secret",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_S3_CUSTOM_DOMAIN", raising=False)


@pytest.fixture
def s3_media(settings, monkeypatch, s3_endpoint, bucket):
    """The default storage switched to the bucket, as MEDIA_STORAGE=s3 sets it."""
    _bucket_environment(settings, monkeypatch, s3_endpoint)
    with override_settings(STORAGES={**settings.STORAGES, "default": s3_media_storage()}):
        yield bucket


@pytest.fixture
def s3_private(settings, monkeypatch, s3_endpoint, bucket):
    """The private storage switched to the bucket's private/ prefix, as MEDIA_STORAGE=s3
    sets it (the default storage stays on the filesystem)."""
    _bucket_environment(settings, monkeypatch, s3_endpoint)
    with override_settings(STORAGES={**settings.STORAGES, "private": s3_private_storage()}):
        yield bucket


def stored_keys(bucket):
    return {item["Key"] for item in bucket.list_objects_v2(Bucket=BUCKET).get("Contents", [])}
