"""Every write of autosaves and edit locks: each checks that the user may change the
object (or add one, for the form of a new object). See docs/autosave.md."""

import json
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from editing.models import NEW_OBJECT, Autosave, EditLock
from editing.settings import AUTOSAVE_MAX_AGE, AUTOSAVE_MAX_BYTES, EDIT_LOCK_TIMEOUT
from thinktank.permissions import model_permission, require


def require_editor(user, model, object_id):
    """Refuse (PermissionDenied) unless `user` may change `model`'s objects, or add one
    when `object_id` is NEW_OBJECT."""
    action = "add" if str(object_id) == NEW_OBJECT else "change"
    require(user, model_permission(action, model))


def valid_form_state(data):
    """`data` if it is a form state as autosave.js sends it, else ValidationError:
    {"fields": {name: [text, ...]}, "options": {name: [[value, label], ...]}}, its JSON
    at most AUTOSAVE_MAX_BYTES."""
    if not isinstance(data, dict) or not isinstance(data.get("fields"), dict):
        raise ValidationError(_("The form's state is not in the expected shape."), "shape")
    for values in data["fields"].values():
        if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
            raise ValidationError(_("The form's state is not in the expected shape."), "shape")
    if not isinstance(data.get("options", {}), dict):
        raise ValidationError(_("The form's state is not in the expected shape."), "shape")
    if len(json.dumps(data).encode()) > AUTOSAVE_MAX_BYTES:
        raise ValidationError(
            _("This form is too large to be autosaved; save it to keep your work."), "size"
        )
    return data


@transaction.atomic
def autosave_store(*, user, model, object_id, data, base_version=None, now=None):
    """Keep `data`, the state of `user`'s form of `model`'s object `object_id`
    (NEW_OBJECT for the form adding one), as their one autosave of that form, replacing
    the previous one; never touches the object. Abandoned autosaves (older than
    AUTOSAVE_MAX_AGE) of the same user are deleted on the way."""
    require_editor(user, model, object_id)
    data = valid_form_state(data)
    now = now or timezone.now()
    Autosave.objects.filter(
        user=user, saved_at__lt=now - timedelta(seconds=AUTOSAVE_MAX_AGE)
    ).delete()
    autosave, _created = Autosave.objects.update_or_create(
        user=user,
        content_type=ContentType.objects.get_for_model(model),
        object_id=str(object_id),
        defaults={"data": data, "base_version": base_version, "saved_at": now},
    )
    return autosave


@transaction.atomic
def autosave_discard(*, user, model, object_id):
    """Delete `user`'s autosave of that form, if any (the form was saved or its work
    discarded). Returns whether there was one."""
    deleted, _kinds = Autosave.objects.filter(
        user=user, content_type=ContentType.objects.get_for_model(model), object_id=str(object_id)
    ).delete()
    return bool(deleted)


@transaction.atomic
def autosaves_expire(*, now=None):
    """Delete every autosave older than AUTOSAVE_MAX_AGE; returns how many."""
    now = now or timezone.now()
    deleted, _kinds = Autosave.objects.filter(
        saved_at__lt=now - timedelta(seconds=AUTOSAVE_MAX_AGE)
    ).delete()
    return deleted


@transaction.atomic
def edit_lock_heartbeat(*, user, model, object_id, take_over=False, now=None):
    """`user` has the form of `model`'s object `object_id` open: their lock is renewed,
    or taken if nobody else holds a live one (or if `take_over`). Returns the lock as it
    now stands, possibly someone else's."""
    require_editor(user, model, object_id)
    now = now or timezone.now()
    lock, created = EditLock.objects.select_for_update().get_or_create(
        content_type=ContentType.objects.get_for_model(model),
        object_id=str(object_id),
        defaults={"user": user, "since": now, "heartbeat_at": now},
    )
    if created:
        return lock
    stale = lock.heartbeat_at <= now - timedelta(seconds=EDIT_LOCK_TIMEOUT)
    if lock.user_id == user.pk:
        lock.heartbeat_at = now
        if stale:
            lock.since = now
    elif stale or take_over:
        lock.user, lock.since, lock.heartbeat_at = user, now, now
    else:
        return lock
    lock.save()
    return lock


@transaction.atomic
def edit_lock_release(*, user, model, object_id):
    """`user` closed the form: their lock of that object, if they still hold it, is gone."""
    EditLock.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=str(object_id), user=user
    ).delete()
