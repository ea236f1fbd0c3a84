"""The workflow's steps as buttons: which a user may take on an article in its state,
and what each is called. The rule behind every button; the writes are in
articles/services.py. See docs/editorial-workflow.md."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from articles.permissions import ADD_ARTICLE, CHANGE_ARTICLE, PUBLISH_ARTICLE
from articles.services import is_reviewed

Shown = Article.DisplayStatus


class Action(models.TextChoices):
    """A button of the save bar; SAVE keeps the article's state."""

    SAVE = "save", _("Save")
    SUBMIT = "submit", _("Submit for review")
    PUBLISH = "publish", _("Publish now")
    SCHEDULE = "schedule", _("Schedule…")
    UNPUBLISH = "unpublish", _("Unpublish")
    SEND_BACK = "send_back", _("Send back to the author")


# Steps that make an article public, which the checks before publish concern.
PUBLISHING = (Action.PUBLISH, Action.SCHEDULE)
# Steps that need a note (for whoever reads it next).
NOTE_REQUIRED = (Action.SEND_BACK,)

SAVE_LABELS = {
    Shown.DRAFT: _("Save draft"),
    Shown.REVIEW: _("Save, still in review"),
    Shown.SCHEDULED: _("Save, still scheduled"),
    Shown.PUBLISHED: _("Update the live article"),
    Shown.ARCHIVED: _("Save, still archived"),
}
PROPOSE_LABEL = _("Propose this change for review")


def shown_state(article):
    """What the save bar says the article is: a new one is a draft."""
    return article.display_status if article.pk else Shown.DRAFT


def actions_for(user, article):
    """The steps `user` may take on `article` (as loaded), in the save bar's order: the
    first is the plain save, never a step readers see."""
    state = shown_state(article)
    may_write = user.has_perm(CHANGE_ARTICLE if article.pk else ADD_ARTICLE)
    if not may_write:
        return []
    if not user.has_perm(PUBLISH_ARTICLE):
        if state in (Shown.DRAFT, Shown.REVIEW):
            return [Action.SAVE, Action.SUBMIT] if state == Shown.DRAFT else [Action.SAVE]
        return [Action.SAVE]  # a proposal (articles/proposals.py)
    steps = {
        Shown.DRAFT: [Action.SUBMIT, Action.PUBLISH, Action.SCHEDULE],
        Shown.REVIEW: [Action.PUBLISH, Action.SCHEDULE, Action.SEND_BACK],
        Shown.SCHEDULED: [Action.PUBLISH, Action.SCHEDULE, Action.UNPUBLISH],
        Shown.PUBLISHED: [Action.UNPUBLISH],
        Shown.ARCHIVED: [Action.PUBLISH, Action.UNPUBLISH],
    }[state]
    return [Action.SAVE, *steps]


def proposes(user, article):
    """Whether `user`'s save of `article` is a proposed change, not a write."""
    return bool(article.pk) and is_reviewed(article.status, user=user)


def label(action, user, article):
    """What the button of `action` says for `user` on `article`."""
    if action != Action.SAVE:
        return Action(action).label
    if proposes(user, article):
        return PROPOSE_LABEL
    return SAVE_LABELS[shown_state(article)]
