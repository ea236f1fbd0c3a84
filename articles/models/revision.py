"""Revisions: a snapshot of an article at each save, for history, diff and restore."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from thinktank.revisions import Revision

from .article import Article


class Proposal(models.TextChoices):
    """
    A proposed change: a snapshot that was not saved to the article, because the
    article is public and its author may not publish. An editor publishes it (it
    becomes what the article is) or discards it.
    """

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
    """
    Every field of the article, and its authors, topics, regions, tags and
    recommendations (articles.revisions), as they were at one save, or, for a
    proposed change, as a contributor submitted them.
    """

    Proposal = Proposal

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="revisions"
    )
    # Empty for a save; a proposed change's state otherwise.
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
