"""
Security settings and headers: `check --deploy` is clean with production settings,
HTTPS is on by default wherever DEBUG is off (redirect, HSTS, Secure and HttpOnly
cookies), and every public page carries the headers, a Content-Security-Policy
allowing no inline script among them, with nothing inline in the pages it would block.
"""

import json
import re
import secrets
from html.parser import HTMLParser

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import override_settings

from articles.models import Article
from tests.helpers.processes import run_isolated
from tests.helpers.public_pages import MAIN_SLUG, public_pages
from thinktank.security import PERMISSIONS_POLICY, SecurityHeadersMiddleware, inline_script_hash

PUBLIC_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)

# What production's settings say about HTTPS, read in a fresh process below.
HTTPS_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_HTTPONLY",
]


def production(**env):
    return {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "www.example.org",
        **env,
    }


def settings_of(tmp_path, names, **env):
    code = (
        "import json, os\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'thinktank.settings')\n"
        "from django.conf import settings\n"
        f"print(json.dumps({{name: getattr(settings, name, None) for name in {names!r}}}))\n"
    )
    result = run_isolated(["-c", code], tmp_path, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_check_deploy_reports_nothing_with_production_settings(tmp_path):
    result = run_isolated(["manage.py", "check", "--deploy"], tmp_path, **production(HTTPS="1"))
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr
    assert "WARNINGS" not in result.stderr


def test_check_deploy_reports_a_site_without_https(tmp_path):
    """The check has teeth: turned off, HTTPS's settings are each reported."""
    result = run_isolated(["manage.py", "check", "--deploy"], tmp_path, **production(HTTPS="0"))
    output = result.stdout + result.stderr
    assert "no issues" not in output
    for check in ["security.W004", "security.W008", "security.W012", "security.W016"]:
        assert check in output, check


def test_check_deploy_with_hsts_preload_also_reports_nothing(tmp_path):
    env = production(HTTPS="1", SECURE_HSTS_PRELOAD="1")
    result = run_isolated(["manage.py", "check", "--deploy"], tmp_path, **env)
    assert "System check identified no issues (0 silenced)" in result.stdout, result.stderr


def test_https_is_on_by_default_when_debug_is_off(tmp_path):
    values = settings_of(tmp_path, HTTPS_SETTINGS, **production())
    assert values == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 365 * 24 * 3600,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_HTTPONLY": True,
    }


@pytest.mark.parametrize("env", [{"DEBUG": "1"}, production(HTTPS="0")], ids=["debug", "https=0"])
def test_https_is_off_in_development_or_when_told(tmp_path, env):
    values = settings_of(tmp_path, HTTPS_SETTINGS, **env)
    assert not values["SECURE_SSL_REDIRECT"]
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert not values["SESSION_COOKIE_SECURE"] and not values["CSRF_COOKIE_SECURE"]
    # HttpOnly does not depend on HTTPS.
    assert values["SESSION_COOKIE_HTTPONLY"] and values["CSRF_COOKIE_HTTPONLY"]


def test_proxy_header_and_preload_come_from_the_environment(tmp_path):
    names = ["SECURE_PROXY_SSL_HEADER", "SECURE_HSTS_PRELOAD", "PROXY_COUNT"]
    plain = settings_of(tmp_path, names, **production())
    assert plain == {
        "SECURE_PROXY_SSL_HEADER": None,
        "SECURE_HSTS_PRELOAD": False,
        "PROXY_COUNT": 0,
    }
    env = production(SECURE_PROXY_SSL_HEADER="1", SECURE_HSTS_PRELOAD="1", PROXY_COUNT="2")
    assert settings_of(tmp_path, names, **env) == {
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SECURE_HSTS_PRELOAD": True,
        "PROXY_COUNT": 2,
    }


@pytest.fixture(scope="module")
def production_https(tmp_path_factory):
    """Production's own HTTPS settings, to apply in this process."""
    return settings_of(tmp_path_factory.mktemp("https"), HTTPS_SETTINGS, **production())


@pytest.mark.django_db
def test_with_https_on_http_is_redirected_and_cookies_are_secure_and_httponly(
    production_https, admin_user
):
    with override_settings(**production_https):
        client = Client()  # its handler reads the settings above at its first request
        response = client.get("/experts?page=2")
        assert response.status_code == 301
        assert response["Location"] == "https://testserver/experts?page=2"
        # A balancer's health check over plain http is answered, not redirected.
        assert client.get("/healthz").status_code == 200

        response = client.get("/admin/login/", secure=True)
        assert response.status_code == 200
        assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
        csrf = response.cookies["csrftoken"]
        assert csrf["secure"] is True and csrf["httponly"] is True

        response = client.post(
            "/admin/login/?next=/admin/",
            {"username": "admin", "password": "password"},
            secure=True,
        )
        assert response.status_code == 302, response.content
        session = response.cookies["sessionid"]
        assert session["secure"] is True and session["httponly"] is True
        # Logged in, over HTTPS, with those cookies: the admin works.
        assert client.get("/admin/", secure=True).status_code == 200


class InlineContent(HTMLParser):
    """What a policy without 'unsafe-inline' would block: inline scripts (JSON-LD,
    a data block, is not one), <style> blocks, style="" and on*="" attributes."""

    def __init__(self):
        super().__init__()
        self.blocked = []
        self.json_ld = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            if attributes.get("type") == "application/ld+json":
                self.json_ld += 1
            elif not attributes.get("src"):
                self.blocked.append("inline <script>")
        if tag == "style":
            self.blocked.append("<style> block")
        for name, _value in attrs:
            if name == "style" or name.startswith("on"):
                self.blocked.append(f'<{tag} {name}="">')


SECURITY_HEADERS = {
    "Content-Security-Policy": PUBLIC_POLICY,
    "Permissions-Policy": PERMISSIONS_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


@pytest.mark.usefixtures("demo_once")
@pytest.mark.django_db
class TestPublicPages:
    def test_every_public_page_carries_the_security_headers(self, client):
        for name, url in public_pages().items():
            response = client.get(url)
            assert response.status_code == 200, (name, url)
            for header, value in SECURITY_HEADERS.items():
                assert response.get(header) == value, (name, header, response.get(header))

    def test_no_public_page_has_anything_inline_the_policy_would_block(self, client):
        for name, url in public_pages().items():
            parser = InlineContent()
            parser.feed(client.get(url).content.decode())
            assert parser.blocked == [], (name, url)

    def test_structured_data_stays(self, client):
        """JSON-LD is allowed by the policy and kept: the article page has it."""
        parser = InlineContent()
        parser.feed(client.get(public_pages()["article"]).content.decode())
        assert parser.json_ld >= 1

    def test_error_pages_carry_the_policy_too(self, client):
        response = client.get("/no-such-page")
        assert response.status_code == 404
        assert response["Content-Security-Policy"] == PUBLIC_POLICY

    def test_the_admin_has_its_own_policy(self, admin_client):
        response = admin_client.get("/admin/")
        assert response.status_code == 200
        directives = dict(
            directive.split(" ", 1) for directive in response["Content-Security-Policy"].split("; ")
        )
        public = dict(directive.split(" ", 1) for directive in PUBLIC_POLICY.split("; "))
        # Inline styles allowed; inline scripts only by hash; the rest as public pages.
        assert directives.pop("style-src") == "'self' 'unsafe-inline'"
        # The focal-point picker shows a photo chosen for upload as a blob: address.
        assert directives.pop("img-src") == "'self' data: blob:"
        assert re.fullmatch(r"'self' 'sha256-[A-Za-z0-9+/]+=*'", directives.pop("script-src"))
        assert directives == {
            key: value
            for key, value in public.items()
            if key not in ("style-src", "script-src", "img-src")
        }
        assert response["X-Frame-Options"] == "DENY"

    def test_the_admins_only_inline_script_is_allowed_by_its_hash(self, admin_client):
        """The rich-text editor's import map, as the article form renders it."""
        article = Article.objects.get(language="en", slug=MAIN_SLUG)
        response = admin_client.get(f"/admin/articles/article/{article.pk}/change/")
        page = response.content.decode()
        inline = [
            match.group(0)
            for match in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>.*?</script>", page, re.DOTALL)
            if 'type="application/json"' not in match.group(0)
        ]
        assert len(inline) == 1 and 'type="importmap"' in inline[0], inline
        assert inline_script_hash(inline[0]) in response["Content-Security-Policy"]


def headers_of(request_path="/"):
    middleware = SecurityHeadersMiddleware(lambda request: HttpResponse("page"))
    return middleware(RequestFactory().get(request_path))


def test_uploads_on_another_host_are_allowed_as_images(settings):
    settings.MEDIA_URL = "https://cdn.example.org/media/"
    policy = headers_of()["Content-Security-Policy"]
    assert "img-src 'self' data: https://cdn.example.org;" in policy
    assert "script-src 'self';" in policy  # only images


def test_uploads_on_object_storage_are_allowed_as_images(settings):
    """With S3 storage and no MEDIA_URL of its own, the host is the storage's."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": "media", "custom_domain": "media.example.org"},
        },
    }
    policy = headers_of()["Content-Security-Policy"]
    assert "img-src 'self' data: https://media.example.org;" in policy


def test_the_policies_can_be_replaced_from_the_environment(settings):
    settings.CONTENT_SECURITY_POLICY = "default-src 'self' https://example.net"
    settings.PERMISSIONS_POLICY = "camera=()"
    response = headers_of()
    assert response["Content-Security-Policy"] == "default-src 'self' https://example.net"
    assert response["Permissions-Policy"] == "camera=()"


def test_a_view_that_sets_its_own_policy_keeps_it():
    middleware = SecurityHeadersMiddleware(
        lambda request: HttpResponse(headers={"Content-Security-Policy": "sandbox"})
    )
    assert middleware(RequestFactory().get("/"))["Content-Security-Policy"] == "sandbox"
