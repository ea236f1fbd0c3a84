"""What the admin keeps while an editor works on a form: a private autosaved copy of the
form's state, and who has the object open (a soft lock). Both name their object
generically (content type + id), so any admin form can have them. See docs/autosave.md."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

# The object id of the form adding a new object (there is no object yet).
NEW_OBJECT = ""


class Autosave(models.Model):
    """One editor's unsaved form state: one per user and object (or per user and "add"
    form), read by its owner alone, never shown to readers nor kept as a revision."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, models.CASCADE, related_name="+")
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    # {"fields": {name: [value, ...]}, "options": {name: [[value, label], ...]}}
    data = models.JSONField(_("form state"))
    # The object's version when the form was opened (VersionedModel), if it has one.
    base_version = models.PositiveIntegerField(null=True, blank=True)
    saved_at = models.DateTimeField(_("saved at"), db_index=True)

    class Meta:
        verbose_name = _("autosave")
        verbose_name_plural = _("autosaves")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="editing_one_autosave_per_form"
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id or 'new'} ({self.user_id})"


class EditLock(models.Model):
    """Who has an object's form open, kept alive by a heartbeat: a lock whose heartbeat
    is older than EDIT_LOCK_TIMEOUT is gone. Not a hard lock: saving still works."""

    content_type = models.ForeignKey(ContentType, models.CASCADE, related_name="+")
    object_id = models.CharField(_("object id"), max_length=64)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    since = models.DateTimeField(_("editing since"))
    heartbeat_at = models.DateTimeField(_("last heartbeat"))

    class Meta:
        verbose_name = _("edit lock")
        verbose_name_plural = _("edit locks")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="editing_one_lock_per_object"
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} ({self.user_id})"
