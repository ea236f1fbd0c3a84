"""Revisions: a snapshot of an article at each save, for history, diff and restore."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .article import Article


class ArticleRevision(models.Model):
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="revisions"
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Every field of the article, and its authors, topics, regions, tags and
    # recommendations (articles.revisions.snapshot).
    data = models.JSONField(_("content"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")

    def __str__(self):
        return f"{self.article} @ {self.created_at:%Y-%m-%d %H:%M}"
