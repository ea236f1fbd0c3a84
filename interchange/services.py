"""Every write of the interchange's own models: which object a record became, and the
old addresses of imported objects. Permission checked, atomic. The objects themselves
are written by their apps' services (see importer.py)."""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from interchange.models import LegacyPath, SourceKey
from interchange.paths import path_key
from interchange.permissions import (
    ADD_LEGACY_PATH,
    ADD_SOURCE_KEY,
    CHANGE_LEGACY_PATH,
    CHANGE_SOURCE_KEY,
    DELETE_LEGACY_PATH,
)
from interchange.selectors import QUERY_NAMES_CACHE_KEY
from thinktank.permissions import require


def _forget_query_names():
    transaction.on_commit(lambda: cache.delete(QUERY_NAMES_CACHE_KEY))


UNKNOWN = object()  # source_key_save's `existing` when the caller has not looked


# No savepoint of their own (savepoint=False): an importer calls these once a record
# inside the record's transaction, which a failure rolls back whole; a savepoint would
# be two more round trips to the database a record.
@transaction.atomic(savepoint=False)
def source_key_save(source, kind, source_id, obj, *, digest, user, extra=None, existing=UNKNOWN):
    """Record that record `kind` `source_id` of `source` is `obj`, written as the
    record of hash `digest` ("" while it waits for a reference). `existing` is the key
    as the caller has just read it (None: there was none), which spares a query; a key
    made meanwhile by another import of the same source makes the insert fail (the
    unique constraint), and the caller's transaction with it."""
    require(user, ADD_SOURCE_KEY)
    require(user, CHANGE_SOURCE_KEY)
    values = {
        "content_type": ContentType.objects.get_for_model(obj),
        "object_id": obj.pk,
        "digest": digest,
        "extra": extra or {},
    }
    if existing is UNKNOWN:
        existing = SourceKey.objects.filter(source=source, kind=kind, source_id=source_id).first()
    if existing is None:
        return SourceKey.objects.create(source=source, kind=kind, source_id=source_id, **values)
    for name, value in values.items():
        setattr(existing, name, value)
    existing.save(update_fields=[*values, "updated_at"])
    return existing


@transaction.atomic(savepoint=False)
def legacy_paths_set(obj, paths, *, source, user):
    """Make each of `paths` an old address of `obj`. Returns the paths refused: not a
    site-relative path, or already the old address of something else."""
    return legacy_paths_add([(obj, paths)], source=source, user=user)[0]


@transaction.atomic(savepoint=False)
def legacy_paths_add(pairs, *, source, user):
    """legacy_paths_set for each (object, paths) of `pairs`, in two queries: the paths
    refused, one list a pair."""
    require(user, ADD_LEGACY_PATH)
    keyed = [
        (obj, ContentType.objects.get_for_model(obj), {path: path_key(path) for path in paths})
        for obj, paths in pairs
    ]
    wanted = sorted({key for _obj, _type, keys in keyed for key in keys.values() if key})
    taken = {
        row.path: (row.content_type_id, row.object_id)
        for row in LegacyPath.objects.filter(path__in=wanted)
    }
    refused, new = [], []
    for obj, content_type, keys in keyed:
        refused.append([])
        for path, key in keys.items():
            owner = taken.get(key)
            if key is None or (owner is not None and owner != (content_type.pk, obj.pk)):
                refused[-1].append(path)
            elif owner is None:
                taken[key] = (content_type.pk, obj.pk)
                new.append(
                    LegacyPath(path=key, content_type=content_type, object_id=obj.pk, source=source)
                )
    if new:
        LegacyPath.objects.bulk_create(new)
        if any("?" in made.path for made in new):
            _forget_query_names()
    return refused


@transaction.atomic
def legacy_path_save(legacy_path, *, user):
    """Save an old address corrected by hand (the admin)."""
    require(user, CHANGE_LEGACY_PATH if legacy_path.pk else ADD_LEGACY_PATH)
    legacy_path.path = path_key(legacy_path.path) or legacy_path.path
    legacy_path.save()
    _forget_query_names()
    return legacy_path


@transaction.atomic
def legacy_path_delete(legacy_path, *, user):
    """Delete an old address: it answers 404 from now on."""
    require(user, DELETE_LEGACY_PATH)
    legacy_path.delete()
    _forget_query_names()


@transaction.atomic(savepoint=False)
def source_keys_create(source, kind, rows, *, user):
    """source_key_save for records `kind` of `source` that have no key yet, in one
    insert: `rows` are (source id, object, digest, extra)."""
    require(user, ADD_SOURCE_KEY)
    keys = [
        SourceKey(
            source=source,
            kind=kind,
            source_id=source_id,
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            digest=digest,
            extra=extra or {},
        )
        for source_id, obj, digest, extra in rows
    ]
    return SourceKey.objects.bulk_create(keys)


@transaction.atomic(savepoint=False)
def source_keys_complete(keys, digests, *, user):
    """Mark `keys` written in full: each the record of hash `digests[its source id]`,
    no longer waiting for a reference."""
    require(user, CHANGE_SOURCE_KEY)
    now = timezone.now()
    for key in keys:
        key.digest, key.extra, key.updated_at = digests[key.source_id], {}, now
    SourceKey.objects.bulk_update(keys, ["digest", "extra", "updated_at"])
