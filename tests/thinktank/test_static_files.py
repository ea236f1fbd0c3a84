"""
Static files as production serves them: `collectstatic` with the manifest storage
(fingerprinted names, gzip copies) into STATIC_ROOT, then WhiteNoise answering from
there with a far-future immutable Cache-Control for the fingerprinted names.

The other tests use the plain storage (tests/settings.py), since nothing runs
`collectstatic` before them; these run it themselves, into a temporary STATIC_ROOT.
"""

import gzip
import io
import posixpath
import re

import pytest
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client
from django.test.utils import override_settings

from tests.helpers.htmlpage import parse
from tests.helpers.processes import run, settings_json

FOREVER = "max-age=315360000, public, immutable"
MANIFEST = "whitenoise.storage.CompressedManifestStaticFilesStorage"
PLAIN = "django.contrib.staticfiles.storage.StaticFilesStorage"


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """STATIC_ROOT filled by `collectstatic`, with the settings `make serve` runs on."""
    static_root = tmp_path_factory.mktemp("staticfiles")
    production = override_settings(
        STATIC_ROOT=static_root,
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": settings.STATIC_STORAGES["manifest"]},
        },
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    )
    with production:
        call_command("collectstatic", "--noinput", stdout=io.StringIO())
        yield static_root


def get(path, **headers):
    """A fresh client, so WhiteNoise reads the STATIC_ROOT of the settings in force."""
    response = Client().get(path, **headers)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def test_a_fingerprinted_file_is_cached_forever(collected):
    url = staticfiles_storage.url("css/site.css")
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url), url
    response, body = get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == FOREVER
    assert response["Content-Type"].startswith("text/css")
    assert body == (collected / url.removeprefix("/static/")).read_bytes()


def test_a_fingerprinted_file_is_sent_gzipped_to_who_accepts_it(collected):
    url = staticfiles_storage.url("css/site.css")
    plain, plain_body = get(url)
    response, body = get(url, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert response["Cache-Control"] == FOREVER
    assert gzip.decompress(body) == plain_body
    assert len(body) < len(plain_body)
    assert "Content-Encoding" not in plain


def test_the_unfingerprinted_name_is_cached_briefly(collected):
    response, _body = get("/static/css/site.css")
    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]
    assert response["Cache-Control"] == "max-age=60, public"


def test_stylesheets_name_the_fingerprinted_fonts(collected):
    response, body = get(staticfiles_storage.url("css/fonts.css"))
    fonts = re.findall(r'url\("([^"]+)"\)', body.decode())
    assert fonts
    for font in fonts:
        assert re.fullmatch(r"\.\./fonts/[\w-]+\.[0-9a-f]{12}\.woff2", font), font
        font_response, _body = get(posixpath.normpath(f"/static/css/{font}"))
        assert font_response.status_code == 200
        assert font_response["Cache-Control"] == FOREVER


def test_a_module_s_relative_import_is_served(collected):
    # The editor's note tool imports "./pasted-footnotes.js": from its fingerprinted
    # address that is the unfingerprinted name, briefly cached.
    url = staticfiles_storage.url("js/editor-note.js")
    _response, body = get(url)
    assert 'from "./pasted-footnotes.js"' in body.decode()
    response, body = get(posixpath.join(posixpath.dirname(url), "pasted-footnotes.js"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert b"export function notesFromFootnotes" in body


@pytest.mark.django_db
def test_pages_link_the_fingerprinted_files(collected):
    response = Client().get("/experts")
    assert response.status_code == 200
    page = parse(response)
    stylesheets = [link.get("href") for link in page.find_all("link", rel="stylesheet")]
    assert staticfiles_storage.url("css/site.css") in stylesheets
    for href in stylesheets:
        assert re.search(r"\.[0-9a-f]{12}\.css$", href), href


# --- which storage the settings choose ---------------------------------------------------


def test_production_uses_the_manifest_storage_and_development_the_plain_one(tmp_path):
    backend = "settings.STORAGES['staticfiles']['BACKEND']"
    assert settings_json(tmp_path, backend, SECRET_KEY="k", DEBUG="0") == MANIFEST
    assert settings_json(tmp_path, backend, DEBUG="1") == PLAIN
    assert settings_json(tmp_path, backend, DEBUG="0", SECRET_KEY="k", STATIC_STORAGE="plain") == (
        PLAIN
    )


def test_an_unknown_static_storage_stops_with_one_line(tmp_path):
    result = run(["manage.py", "check"], tmp_path, DEBUG="1", STATIC_STORAGE="cdn")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "thinktank: STATIC_STORAGE must be one of manifest, plain."
    ]


def test_static_url_may_be_a_cdn_that_fetches_from_the_app_servers(collected, tmp_path):
    cdn = "https://cdn.example.org/static/"
    assert settings_json(tmp_path, "settings.STATIC_URL", DEBUG="1", STATIC_URL=cdn) == cdn
    with override_settings(STATIC_URL=cdn):
        url = staticfiles_storage.url("css/site.css")
        assert re.fullmatch(r"https://cdn\.example\.org/static/css/site\.[0-9a-f]{12}\.css", url)
        # The CDN asks the app servers for the same path, which WhiteNoise answers.
        response, _body = get(url.removeprefix("https://cdn.example.org"))
        assert response.status_code == 200
        assert response["Cache-Control"] == FOREVER
