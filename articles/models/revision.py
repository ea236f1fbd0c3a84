"""Revisions: a snapshot of an article at each save, for history, diff and restore."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thinktank.revisions import Revision

from .article import Article


class Proposal(models.TextChoices):
    """A proposed change's state: pending, published or discarded by an editor."""

    PENDING = "pending", _("Proposed, awaiting review")
    PUBLISHED = "published", _("Proposed, published")
    DISCARDED = "discarded", _("Proposed, discarded")


class ArticleRevisionQuerySet(models.QuerySet):
    def saved(self):
        """What the article was at each save: proposals left out."""
        return self.filter(proposal="")

    def pending(self):
        """Proposed changes an editor has not reviewed yet."""
        return self.filter(proposal=Proposal.PENDING)


class ArticleRevision(Revision):
    """A snapshot of the article (articles.revisions) at one save, or as a contributor
    proposed it."""

    Proposal = Proposal

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="revisions"
    )
    proposal = models.CharField(
        _("proposed change"), max_length=20, choices=Proposal, blank=True, default=""
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    objects = ArticleRevisionQuerySet.as_manager()

    class Meta(Revision.Meta):
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")

    def __str__(self):
        return f"{self.article} @ {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_pending(self):
        return self.proposal == Proposal.PENDING
