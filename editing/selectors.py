"""Reads of autosaves and edit locks: one question each."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from editing.models import Autosave, EditLock
from editing.settings import EDIT_LOCK_TIMEOUT


def autosave_of(*, user, model, object_id):
    """`user`'s own autosave of the form of `model`'s object `object_id` ("" for the
    form adding one), or None: nobody else's is ever returned."""
    if not user.is_authenticated:
        return None
    return Autosave.objects.filter(
        user=user,
        content_type=ContentType.objects.get_for_model(model),
        object_id=str(object_id),
    ).first()


def live_lock_of(*, model, object_id, now=None):
    """The edit lock of `model`'s object `object_id` whose heartbeat is recent enough to
    count, with its user, or None."""
    now = now or timezone.now()
    return (
        EditLock.objects.select_related("user")
        .filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=str(object_id),
            heartbeat_at__gt=now - timedelta(seconds=EDIT_LOCK_TIMEOUT),
        )
        .first()
    )
