"""Emails of the workflow: editors are told when work is submitted to them, its
contributor when it is published, scheduled or sent back with a note. Sent through
Django's mail settings once the transaction commits, only when mail is configured
(`EMAIL_CONFIGURED`, from the EMAIL_* environment variables). The dashboard reads the
same steps from the revisions. See docs/editorial-workflow.md."""

import logging

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from articles import workflow_selectors
from articles.permissions import PUBLISH_ARTICLE

logger = logging.getLogger(__name__)


def _change_page(article):
    path = reverse("admin:articles_article_change", args=[article.pk])
    return f"{settings.SITE_URL.rstrip('/')}{path}" if settings.SITE_URL else path


def _who(user):
    return (user.get_full_name() or user.get_username()) if user else "—"


def _send_on_commit(recipients, subject, body):
    """Send one email to each of `recipients` once the transaction commits (none when
    mail is not configured, or nobody is to be told)."""
    addresses = sorted({user.email for user in recipients if user and user.email})
    if not settings.EMAIL_CONFIGURED or not addresses:
        return
    messages = [(subject, body, None, [address]) for address in addresses]

    def send():
        try:
            send_mass_mail(messages, fail_silently=False)
        except OSError:  # the mail server is down: the step itself is done and kept
            logger.exception("The workflow's email could not be sent")

    transaction.on_commit(send)


def submitted(article, *, user, note):
    """Tell the editors that `user` submitted `article` for review."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("For review: %(title)s") % {"title": article.title}
        body = _("%(who)s submitted “%(title)s” for review.") % {
            "who": _who(user),
            "title": article.title,
        }
        body = _with_note_and_link(body, note, article)
    editors = workflow_selectors.users_with_permission(PUBLISH_ARTICLE, exclude=user)
    _send_on_commit(editors, subject, body)


def published(article, *, user, contributor, note):
    """Tell `contributor` that `user` published (or scheduled) their `article`."""
    if contributor is None or contributor == user:
        return
    with translation.override(settings.LANGUAGE_CODE):
        if article.published_at and article.published_at > timezone.now():
            when = formats.date_format(timezone.localtime(article.published_at), "DATETIME_FORMAT")
            subject = _("Scheduled: %(title)s") % {"title": article.title}
            body = _("%(who)s scheduled “%(title)s” to be published on %(when)s (%(zone)s).") % {
                "who": _who(user),
                "title": article.title,
                "when": when,
                "zone": settings.TIME_ZONE,
            }
        else:
            subject = _("Published: %(title)s") % {"title": article.title}
            body = _("%(who)s published “%(title)s”.") % {
                "who": _who(user),
                "title": article.title,
            }
        body = _with_note_and_link(body, note, article)
    _send_on_commit([contributor], subject, body)


def sent_back(article, *, user, contributor, note):
    """Tell `contributor` that `user` sent `article` back to them, with `note`."""
    if contributor is None or contributor == user:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Sent back: %(title)s") % {"title": article.title}
        body = _("%(who)s sent “%(title)s” back to you.") % {
            "who": _who(user),
            "title": article.title,
        }
        body = _with_note_and_link(body, note, article)
    _send_on_commit([contributor], subject, body)


def _with_note_and_link(body, note, article):
    parts = [body]
    if note.strip():
        parts.append(_("Note: %(note)s") % {"note": note.strip()})
    parts.append(_("Open it: %(url)s") % {"url": _change_page(article)})
    return "\n\n".join(parts)
