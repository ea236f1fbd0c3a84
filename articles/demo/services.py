"""Every write of the demo loader, idempotent: a row is touched only if it differs from
the demo data, so a second load leaves ids and `updated_at` alone. No permission check:
`manage.py load_demo` runs as the operator, in DEBUG."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import models

from articles.models import Document
from thinktank.concurrency import as_stored
from thinktank.documents import check_document


@dataclass
class Tally:
    """What a load changed, for the closing banner."""

    created: int = 0
    updated: int = 0
    links: int = 0
    files: int = 0
    renditions: int = 0

    def note(self, *, created):
        if created:
            self.created += 1
        else:
            self.updated += 1

    def link(self):
        self.links += 1

    @property
    def changed(self):
        return bool(self.created or self.updated or self.links or self.files or self.renditions)


def differs(instance, name, value):
    model_field = instance._meta.get_field(name)
    if model_field.is_relation:
        wanted = value.pk if isinstance(value, models.Model) else value
        return getattr(instance, model_field.attname) != wanted
    if isinstance(model_field, models.FileField):
        return (getattr(instance, name).name or "") != (value or "")
    return getattr(instance, name) != value


def sync(model, lookup, tally=None, **fields):
    """The row matching `lookup` with `fields`, validated and saved only if new or different."""
    fields = {name: as_stored(model._meta.get_field(name), value) for name, value in fields.items()}
    instance = model.objects.filter(**lookup).first()
    created = instance is None
    if created:
        instance = model(**lookup, **fields)
        changed = True
    else:
        changed = False
        for name, value in fields.items():
            if differs(instance, name, value):
                setattr(instance, name, value)
                changed = True
    if changed:
        instance.full_clean()
        instance.save()
        if tally is not None:
            tally.note(created=created)
    return instance


def sync_m2m(manager, wanted, tally=None):
    """Make a plain many-to-many hold exactly `wanted`; rows that stay keep their ids."""
    current = set(manager.values_list("pk", flat=True))
    if current != {item.pk for item in wanted}:
        manager.set(wanted)
        if tally is not None:
            tally.link()


def sync_ordered(through, owner_field, owner, item_field, items, tally=None):
    """Make `owner`'s ordered through rows be `items`; kept rows keep their primary key."""
    rows = {
        getattr(row, f"{item_field}_id"): row
        for row in through.objects.filter(**{owner_field: owner})
    }
    wanted_ids = [item.pk for item in items]
    stale = [row.pk for item_id, row in rows.items() if item_id not in wanted_ids]
    if stale:
        through.objects.filter(pk__in=stale).delete()
        if tally is not None:
            tally.link()
    for position, item in enumerate(items):
        row = rows.get(item.pk)
        if row is None:
            row = through(**{owner_field: owner, item_field: item, "position": position})
            row.full_clean()
            row.save()
            if tally is not None:
                tally.link()
        elif row.position != position:
            row.position = position
            row.save(update_fields=["position"])
            if tally is not None:
                tally.link()


def replace_rows(model, scope, rows, tally=None):
    """
    The rows of `model` matching `scope` become `rows` (unsaved instances), in one go:
    the caller has compared them first, so an unchanged set is never replaced.
    """
    model.objects.filter(**scope).delete()
    model.objects.bulk_create(rows)
    if tally is not None:
        tally.link()


def sync_tags(instance, names, tally=None):
    current = sorted(instance.tags.names())
    if current != sorted(names):
        instance.tags.set(names)
        if tally is not None:
            tally.link()


def ensure_image(model, field_name, lookup, name, render, tally=None):
    """The file an image field should hold: its own if it exists (an editor's upload is
    kept), else the demo drawing under the fixed `name`."""
    current = model.objects.filter(**lookup).values_list(field_name, flat=True).first()
    storage = model._meta.get_field(field_name).storage
    if current and storage.exists(current):
        return current
    if not storage.exists(name):
        saved = storage.save(name, ContentFile(render()))
        if saved != name:  # pragma: no cover (only if another process raced us)
            raise RuntimeError(f"Storage saved the demo image as {saved}, not {name}.")
        if tally is not None:
            tally.files += 1
    return name


def ensure_account(account):
    """Create the account if it is missing; an existing one is left exactly as it is."""
    users = get_user_model()
    if users.objects.filter(username=account.username).exists():
        return False
    if account.is_superuser:
        user = users.objects.create_superuser(account.username, account.email, account.password)
    else:
        user = users.objects.create_user(
            account.username, account.email, account.password, is_staff=account.is_staff
        )
    if account.groups:
        user.groups.set(Group.objects.filter(name__in=account.groups))
    return True


def ensure_document(article, title, *, language, render, position=0, tally=None):
    """`article`'s document of `title`: kept if it is there (an editor's replacement
    too), else `render()`'s bytes, checked as any upload (thinktank.documents) and
    stored on the private storage."""
    document = article.documents.filter(title=title).first()
    if document is not None and document.file.storage.exists(document.file.name):
        return document
    data = ContentFile(render(), name="document")
    checked = check_document(data)
    if document is None:
        document = Document(article=article, title=title)
    document.language, document.position = language, position
    document.kind, document.size = checked.kind, checked.size
    document.page_count, document.text = checked.pages, checked.text
    document.file = data
    document.full_clean()
    document.save()
    if tally is not None:
        tally.files += 1
    return document
