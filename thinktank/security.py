"""
What the site adds to Django's own protections.

Django's SecurityMiddleware already sends HSTS, X-Content-Type-Options,
Referrer-Policy and Cross-Origin-Opener-Policy from settings (thinktank/settings.py,
"Security"); Django 5.2 has no Content-Security-Policy or Permissions-Policy, so
SecurityHeadersMiddleware adds them. The rest of this module is django-axes' hooks
for the admin login's throttling: where a login attempt comes from, and the page a
locked-out user sees.
"""

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

# Public pages run no script of their own beyond files under /static/ and carry no
# inline style: nothing inline is allowed, so an injected <script> or style="" in an
# article body (which the sanitizer already strips) could not run even if one got
# through. JSON-LD (<script type="application/ld+json">) is a data block, which CSP
# does not treat as script. Uploads may live on object storage or a CDN: its origin
# is added to img-src.
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

# The admin, measured in Chromium (tests/browser/test_csp.py): Django's admin and
# django-prose-editor load every script from files, except the editor's import map,
# an inline <script type="importmap"> that browsers treat as script: it is allowed by
# its hash (admin_script_hashes), not by 'unsafe-inline', so an injected script still
# cannot run. Styles must allow 'unsafe-inline': the admin's widgets set style="" in
# their markup, the editor positions its menus with style attributes, the revision
# pages carry a <style> block. Inline style cannot run code. Images may be blob:
# addresses: the focal-point picker shows a photo chosen for upload before it is sent.
ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": [*PUBLIC_POLICY["img-src"], "blob:"],
}

# Features no page uses, so no page (or anything injected into it) may ask for them.
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
    """
    The origin uploads are served from when it is not this site: MEDIA_URL when it is
    absolute, or else the address the media storage gives a file (an S3 bucket, its
    custom domain). Storages make their addresses without asking the network.
    """
    return origin_of(settings.MEDIA_URL) or origin_of(default_storage.url("csp-probe.jpg"))


def inline_script_hash(element):
    """The CSP source ('sha256-...') allowing one inline <script> element's content."""
    content = re.fullmatch(r"<script[^>]*>(.*)</script>", str(element), re.DOTALL).group(1)
    digest = hashlib.sha256(content.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def admin_script_hashes():
    """
    The inline scripts the admin renders: the rich-text editor's import map (its
    modules' static addresses, fingerprinted in production, hence computed here). A
    widget that brought another import map would merge into it and change the hash:
    the browser test would then see the editor's scripts refused.
    """
    from django_prose_editor.widgets import importmap

    return [inline_script_hash(importmap)]


def serialize(policy):
    return "; ".join(f"{directive} {' '.join(sources)}" for directive, sources in policy.items())


def content_security_policy(policy, override="", scripts=()):
    """
    The header's value: `override` (from the environment) when given, else `policy`
    with the media host among the image sources and `scripts` (hash sources) among
    the script sources.
    """
    if override:
        return override
    sources = {directive: list(values) for directive, values in policy.items()}
    sources["script-src"].extend(scripts)
    origin = media_origin()
    if origin:
        sources["img-src"].append(origin)
    return serialize(sources)


class SecurityHeadersMiddleware:
    """
    Content-Security-Policy and Permissions-Policy on every response that reaches
    Django (static files are answered earlier, by WhiteNoise), the admin's policy under
    the admin's address. A view that sets its own header keeps it.
    """

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
    """
    axes' check, first of AUTHENTICATION_BACKENDS: a locked-out user is refused before
    any password is tried. A call of authenticate() without a request is code, not a
    visitor (the test client's login(), a management command): there is no address to
    throttle, so it passes to the next backend, where axes' own backend would raise.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request):
    """
    The address a login attempt came from (AXES_CLIENT_IP_CALLABLE). Behind
    PROXY_COUNT reverse proxies, each appending the address it was reached from to
    X-Forwarded-For, the client is that many entries from the right: entries further
    left were written by the client and could be anything. Without proxies the header
    is ignored, since anyone can send it.
    """
    count = settings.PROXY_COUNT
    if count > 0:
        header = request.META.get("HTTP_X_FORWARDED_FOR", "")
        forwarded = [address.strip() for address in header.split(",") if address.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


def lockout_response(request, original_response=None, credentials=None):
    """
    The page a locked-out login gets (AXES_LOCKOUT_CALLABLE): 429, in the admin's
    look, saying why and when to try again. Every refused attempt restarts the
    cool-off (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT), so "again in N minutes"
    counts from now.
    """
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
