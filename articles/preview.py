"""Previews: staff at /preview/articles/<id>; others by a signed, expiring /preview/<token>
that a new preview secret revokes. Never indexed, never cached."""

import secrets

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "articles.preview"


def max_age():
    return getattr(settings, "ARTICLE_PREVIEW_MAX_AGE", 7 * 24 * 3600)


def new_secret():
    return secrets.token_urlsafe(24)


def share_token(article):
    """A signed token for `article`; it needs the article's current preview secret."""
    return signing.dumps({"id": article.pk, "secret": article.preview_secret}, salt=SALT)


def share_url(article):
    return reverse("article-preview-shared", kwargs={"token": share_token(article)})


def article_id_from_token(token):
    """(article id, secret) from a valid, unexpired token; signing.BadSignature otherwise."""
    data = signing.loads(token, salt=SALT, max_age=max_age())
    return data["id"], data["secret"]
