"""Revisions: a snapshot of an article at each save, for history, diff and restore."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from thinktank.revisions import Revision

from .article import Article


class ArticleRevision(Revision):
    """
    Every field of the article, and its authors, topics, regions, tags and
    recommendations (articles.revisions), as they were at one save.
    """

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="revisions"
    )

    class Meta(Revision.Meta):
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")

    def __str__(self):
        return f"{self.article} @ {self.created_at:%Y-%m-%d %H:%M}"
