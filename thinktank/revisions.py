"""
Revisions: a snapshot of a row (and the relations it owns) at every save.

Each app keeps the revisions of its own models in its own table (ArticleRevision,
ExpertRevision) on this abstract base, so history, differences and restore work the
same way for an article and for an expert's profile.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Revision(models.Model):
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Every editable field and the relations the model owns, as JSON.
    data = models.JSONField(_("content"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
