"""
Where files are kept, read from the environment (imported by thinktank/settings.py):
static files, uploads (the filesystem or an S3-compatible bucket), the private files
read only through a view, and how big an upload may be.
"""

import os
import sys
from pathlib import Path

from thinktank.environment import BASE_DIR, DEBUG, env_bool

STATIC_URL = os.environ.get("STATIC_URL", "static/")
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]

MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# "manifest" (hashed names, served immutable) needs `collectstatic`: DEBUG uses "plain".
STATIC_STORAGES = {
    "manifest": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    "plain": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
STATIC_STORAGE = os.environ.get("STATIC_STORAGE", "").strip() or ("plain" if DEBUG else "manifest")
if STATIC_STORAGE not in STATIC_STORAGES:
    sys.exit(f"thinktank: STATIC_STORAGE must be one of {', '.join(STATIC_STORAGES)}.")

# Uploads: the filesystem under MEDIA_ROOT, or an S3-compatible bucket (MEDIA_STORAGE=s3).
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "").strip() or "filesystem"


def s3_media_storage():
    """The S3 storage's options, from the environment; only those set are passed."""
    if not os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip():
        sys.exit("thinktank: MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    options = {
        "bucket_name": "AWS_STORAGE_BUCKET_NAME",
        "endpoint_url": "AWS_S3_ENDPOINT_URL",
        "region_name": "AWS_S3_REGION_NAME",
        "access_key": "AWS_ACCESS_KEY_ID",
        "secret_key": "AWS_SECRET_ACCESS_KEY",
        "custom_domain": "AWS_S3_CUSTOM_DOMAIN",
        "addressing_style": "AWS_S3_ADDRESSING_STYLE",
    }
    options = {
        option: os.environ[name].strip()
        for option, name in options.items()
        if os.environ.get(name, "").strip()
    }
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **options,
            # Unsigned URLs: a signed one would expire while a cached page names it.
            "querystring_auth": False,
            # A second "portrait.jpg" must not replace another expert's photo.
            "file_overwrite": False,
            "object_parameters": {
                "CacheControl": os.environ.get("MEDIA_CACHE_CONTROL", "public, max-age=86400")
            },
        },
    }


def s3_private_storage():
    """The S3 storage of files that follow an article's visibility: the media bucket's
    "private/" prefix, never public, read through short-lived signed addresses."""
    storage = s3_media_storage()
    options = {
        key: value
        for key, value in storage["OPTIONS"].items()
        if key not in ("custom_domain", "object_parameters")  # a CDN would serve them to all
    }
    return {
        **storage,
        "OPTIONS": {
            **options,
            "location": "private",
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 300,
        },
    }


MEDIA_STORAGES = {
    "filesystem": lambda: {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "s3": s3_media_storage,
}
# Files readers reach only through a view that checks the article's visibility
# (documents, PDF editions): on the filesystem, outside MEDIA_ROOT, so that no web
# server serves them by address.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))


def filesystem_private_storage(root=PRIVATE_MEDIA_ROOT):
    """Files under `root`; they have no address (a view streams them)."""
    return {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": root}}


PRIVATE_STORAGES = {"filesystem": filesystem_private_storage, "s3": s3_private_storage}
if MEDIA_STORAGE not in MEDIA_STORAGES:
    sys.exit(f"thinktank: MEDIA_STORAGE must be one of {', '.join(MEDIA_STORAGES)}.")
STORAGES = {
    "default": MEDIA_STORAGES[MEDIA_STORAGE](),
    "private": PRIVATE_STORAGES[MEDIA_STORAGE](),
    "staticfiles": {"BACKEND": STATIC_STORAGES[STATIC_STORAGE]},
}
# Django serves uploads itself: for development and tests only.
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=DEBUG)

MAX_IMAGE_UPLOAD_SIZE = int(os.environ.get("MAX_IMAGE_UPLOAD_SIZE", 10 * 1024 * 1024))
# The largest Word document (.docx) the admin imports, in bytes (docs/word-import.md).
MAX_WORD_UPLOAD_SIZE = int(os.environ.get("MAX_WORD_UPLOAD_SIZE", 20 * 1024 * 1024))
# An article's documents (PDF reports, spreadsheets): bytes at most (docs/documents.md).
IMPORT_MAX_UPLOAD_SIZE = int(os.environ.get("IMPORT_MAX_UPLOAD_SIZE", 20 * 1024 * 1024))
MAX_DOCUMENT_UPLOAD_SIZE = int(os.environ.get("MAX_DOCUMENT_UPLOAD_SIZE", 50 * 1024 * 1024))
