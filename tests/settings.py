"""Test settings: the real settings, with a throwaway key and media folder."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
# The test client speaks plain http; tests/thinktank/test_security.py turns HTTPS on itself.
os.environ.setdefault("HTTPS", "0")

from thinktank.settings import *  # noqa: E402, F403

MEDIA_ROOT = tempfile.mkdtemp(prefix="thinktank-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="thinktank-test-private-media-")
SERVE_MEDIA = True  # so the browser tests see the demo photos
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Uploads in the temporary folder above, whatever MEDIA_STORAGE says; and static files
# under their plain names, since no `collectstatic` runs before the tests: WhiteNoise
# finds them in the apps' folders at each request, as with DEBUG on.
# tests/thinktank/test_static_files.py runs `collectstatic` with the manifest storage
# itself, and tests/thinktank/test_media_storage.py switches uploads to S3.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": filesystem_private_storage(PRIVATE_MEDIA_ROOT),  # noqa: F405
    "staticfiles": {"BACKEND": STATIC_STORAGES["plain"]},  # noqa: F405
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
