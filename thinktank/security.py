"""CSP and Permissions-Policy headers, and django-axes' hooks. See docs/security.md."""

import base64
import hashlib
import logging
import re
from functools import cached_property
from urllib.parse import urlsplit

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib import admin
from django.core.files.storage import default_storage
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext

logger = logging.getLogger(__name__)

# Nothing inline: an injected <script> or style="" cannot run. JSON-LD is not script.
PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# Inline style for the admin's widgets; blob: images for the focal-point picker. Its
# one inline script is allowed by hash (admin_script_hashes).
ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": [*PUBLIC_POLICY["img-src"], "blob:"],
}

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), browsing-topics=()"
)


def origin_of(url):
    """`https://cdn.example.org` of an absolute address; None for a relative one."""
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


def media_origin():
    """The origin uploads are served from when it is not this site, else None."""
    return origin_of(settings.MEDIA_URL) or origin_of(default_storage.url("csp-probe.jpg"))


def inline_script_hash(element):
    """The CSP source ('sha256-...') allowing one inline <script> element's content."""
    content = re.fullmatch(r"<script[^>]*>(.*)</script>", str(element), re.DOTALL).group(1)
    digest = hashlib.sha256(content.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def admin_script_hashes():
    """Hash sources of the admin's inline scripts: the rich-text editor's import map."""
    from django_prose_editor.widgets import importmap

    return [inline_script_hash(importmap)]


def serialize(policy):
    return "; ".join(f"{directive} {' '.join(sources)}" for directive, sources in policy.items())


def content_security_policy(policy, override="", scripts=()):
    """`override` when given, else `policy` plus the media origin and `scripts` (hashes)."""
    if override:
        return override
    sources = {directive: list(values) for directive, values in policy.items()}
    sources["script-src"].extend(scripts)
    origin = media_origin()
    if origin:
        sources["img-src"].append(origin)
    return serialize(sources)


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy, unless a view set its own."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.public_policy = content_security_policy(
            PUBLIC_POLICY, settings.CONTENT_SECURITY_POLICY
        )
        self.permissions_policy = settings.PERMISSIONS_POLICY or PERMISSIONS_POLICY

    @cached_property
    def admin_prefix(self):
        # Read at the first request, once the URLconf can be imported.
        return reverse("admin:index")

    @cached_property
    def admin_policy(self):
        # At the first admin request: the hashes need the static files' manifest.
        try:
            scripts = admin_script_hashes()
        except Exception:  # e.g. no `collectstatic` yet: the admin works, the editor not
            logger.exception("The admin's inline scripts could not be hashed")
            scripts = []
        return content_security_policy(
            ADMIN_POLICY, settings.CONTENT_SECURITY_POLICY_ADMIN, scripts
        )

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.admin_prefix):
            policy = self.admin_policy
        else:
            policy = self.public_policy
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        return response


class LoginThrottleBackend(AxesStandaloneBackend):
    """axes' check before any password is tried; a call without a request (code, not a
    visitor) passes to the next backend instead of raising."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request):
    """The address a login attempt came from: PROXY_COUNT entries from the right of
    X-Forwarded-For (the left ones are the client's to forge), else REMOTE_ADDR."""
    count = settings.PROXY_COUNT
    if count > 0:
        header = request.META.get("HTTP_X_FORWARDED_FOR", "")
        forwarded = [address.strip() for address in header.split(",") if address.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response=None, credentials=None):
    """The 429 page a locked-out login gets, saying when to try again."""
    cooloff = settings.AXES_COOLOFF_TIME
    context = {
        **admin.site.each_context(request),
        "title": gettext("Too many failed logins"),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": max(1, round(cooloff.total_seconds() / 60)),
    }
    response = render(request, "axes/lockout.html", context, status=429)
    response["Retry-After"] = str(int(cooloff.total_seconds()))
    return response
