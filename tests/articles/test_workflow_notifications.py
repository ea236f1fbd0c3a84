"""
The workflow's emails (articles/notifications.py): editors are told when work is
submitted to them, its contributor when it is published, scheduled or sent back with a
note; sent once the transaction commits, through Django's mail settings, and only when
mail is configured.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from articles import services
from tests.helpers.contributing import article_in
from tests.helpers.factories import make_publication_type

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(editor, contributor, other_contributor):
    for user, address in [
        (editor, "ed@example.org"),
        (contributor, "con@example.org"),
        (other_contributor, "con2@example.org"),
    ]:
        user.email = address
        user.save()
    return editor, contributor


@pytest.fixture
def mail_configured(settings):
    settings.EMAIL_CONFIGURED = True
    settings.SITE_URL = "https://thinktank.example"


def submitted_by(contributor, captured):
    """A draft its contributor made and submitted for review (the mails sent)."""
    article = article_in("draft", publication_type=make_publication_type())
    services.article_record_revision(article, user=contributor)
    with captured(execute=True):
        services.article_submit_for_review(article, user=contributor, note="Please read")
    return article


def test_the_editors_are_told_of_a_submission(
    people, mail_configured, django_capture_on_commit_callbacks
):
    editor, contributor = people
    article = submitted_by(contributor, django_capture_on_commit_callbacks)
    assert [message.to for message in mail.outbox] == [["ed@example.org"]]  # editors only
    message = mail.outbox[0]
    assert article.title in message.subject
    assert "Please read" in message.body
    assert f"https://thinktank.example/admin/articles/article/{article.pk}/change/" in message.body


def test_the_contributor_is_told_when_sent_back_or_published(
    people, mail_configured, django_capture_on_commit_callbacks
):
    editor, contributor = people
    article = submitted_by(contributor, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.article_send_back(article, user=editor, note="Shorten the intro")
    assert [message.to for message in mail.outbox] == [["con@example.org"]]
    assert "Shorten the intro" in mail.outbox[0].body
    assert mail.outbox[0].subject.startswith("Sent back")

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.article_submit_for_review(article, user=contributor)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.article_schedule(article, timezone.now() + timedelta(days=2), user=editor)
    assert [message.to for message in mail.outbox] == [["con@example.org"]]
    assert mail.outbox[0].subject.startswith("Scheduled")


def test_nothing_is_sent_before_the_commit(
    people, mail_configured, django_capture_on_commit_callbacks
):
    editor, contributor = people
    article = article_in("draft", publication_type=make_publication_type())
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.article_submit_for_review(article, user=contributor)
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert [message.to for message in mail.outbox] == [["ed@example.org"]]


def test_no_email_when_mail_is_not_configured(people, django_capture_on_commit_callbacks):
    editor, contributor = people
    article = submitted_by(contributor, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.article_publish(article, user=editor)
    assert mail.outbox == []


def test_nobody_is_told_of_their_own_step(
    people, mail_configured, django_capture_on_commit_callbacks
):
    editor, _contributor = people
    article = article_in("draft", publication_type=make_publication_type())
    services.article_record_revision(article, user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        services.article_publish(article, user=editor)
    assert mail.outbox == []


def test_send_back_is_refused_without_a_note_or_outside_review(people):
    editor, contributor = people
    with pytest.raises(services.PermissionDenied):
        services.article_send_back(article_in("review"), user=editor, note=" ")
    with pytest.raises(services.PermissionDenied):
        services.article_send_back(article_in("draft"), user=editor, note="x")
    with pytest.raises(services.PermissionDenied):
        services.article_send_back(article_in("review"), user=contributor, note="x")
