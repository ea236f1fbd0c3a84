"""Test settings: the real settings, with a throwaway key and media folder."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")

from thinktank.settings import *  # noqa: E402, F403

MEDIA_ROOT = tempfile.mkdtemp(prefix="thinktank-test-media-")
SERVE_MEDIA = True  # so the browser tests see the demo photos
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
