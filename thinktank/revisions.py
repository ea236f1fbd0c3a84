"""Revisions: a JSON snapshot of a row and the relations it owns. See docs/revisions.md."""

import difflib

from django.conf import settings
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from thinktank.translation import TranslationsField


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
    data = models.JSONField(_("content"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"


class Relation:
    """Something a model owns besides its columns, kept in its snapshot under `name`."""

    def __init__(self, name, label=None):
        self.name = name
        self.label = label

    def bind(self, model):
        self.model = model
        if self.label is None:
            self.label = model._meta.get_field(self.name).verbose_name

    def read(self, obj):
        raise NotImplementedError

    def write(self, obj, value):
        raise NotImplementedError

    def from_form(self, value):
        """The value of a form field that edits the relation, as a snapshot holds it."""
        return [getattr(item, "pk", item) for item in value]

    def from_forms(self, forms):
        """The rows of an inline formset that edits the relation, as a snapshot holds them."""
        raise NotImplementedError

    def display(self, value):
        return ", ".join(str(item) for item in value)


def _kept_rows(forms):
    """An inline formset's kept rows, in position order."""
    rows = [
        (form.cleaned_data.get("position") or 0, index, form.cleaned_data)
        for index, form in enumerate(forms)
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]
    return [row for _position, _index, row in sorted(rows, key=lambda row: row[:2])]


class ManyToMany(Relation):
    """A plain many-to-many, kept as the sorted ids (topics, regions)."""

    def bind(self, model):
        super().bind(model)
        self.target = model._meta.get_field(self.name).related_model

    def read(self, obj):
        return sorted(getattr(obj, self.name).values_list("pk", flat=True))

    def write(self, obj, value):
        getattr(obj, self.name).set(self.target.objects.filter(pk__in=value))

    def from_form(self, value):
        return sorted(item.pk for item in value)

    def display(self, value):
        return _names(self.target, value)


class OrderedLinks(Relation):
    """Ordered rows through `accessor` pointing (`target`) to others, kept as ids in order."""

    def __init__(self, name, label=None, *, accessor, target, exclude_self=False):
        super().__init__(name, label)
        self.accessor = accessor
        self.target_field = target
        self.exclude_self = exclude_self

    def bind(self, model):
        related = model._meta.get_field(self.accessor)
        self.row_model = related.related_model
        self.owner_field = related.field.name
        self.target = self.row_model._meta.get_field(self.target_field).related_model
        if self.label is None:
            self.label = self.row_model._meta.verbose_name_plural

    def read(self, obj):
        rows = getattr(obj, self.accessor).order_by("position", "pk")
        return list(rows.values_list(f"{self.target_field}_id", flat=True))

    def write(self, obj, value):
        existing = self.target.objects.filter(pk__in=value)
        if self.exclude_self:
            existing = existing.exclude(pk=obj.pk)
        kept = set(existing.values_list("pk", flat=True))
        getattr(obj, self.accessor).all().delete()
        self.row_model.objects.bulk_create(
            self.row_model(
                **{self.owner_field: obj, f"{self.target_field}_id": pk, "position": position}
            )
            for position, pk in enumerate(pk for pk in value if pk in kept)
        )

    def from_forms(self, forms):
        return [
            row[self.target_field].pk for row in _kept_rows(forms) if row.get(self.target_field)
        ]

    def display(self, value):
        return _names(self.target, value)


class OrderedChildren(Relation):
    """Ordered child rows through `accessor`, kept as one {field: value} per row."""

    def __init__(self, name, label=None, *, accessor, fields):
        super().__init__(name, label)
        self.accessor = accessor
        self.fields = list(fields)

    def bind(self, model):
        related = model._meta.get_field(self.accessor)
        self.row_model = related.related_model
        self.owner_field = related.field.name
        if self.label is None:
            self.label = self.row_model._meta.verbose_name_plural

    def read(self, obj):
        rows = getattr(obj, self.accessor).order_by("position", "pk")
        return [{name: row[name] for name in self.fields} for row in rows.values(*self.fields)]

    def write(self, obj, value):
        getattr(obj, self.accessor).all().delete()
        self.row_model.objects.bulk_create(
            self.row_model(
                **{self.owner_field: obj, "position": position},
                **{name: row[name] for name in self.fields if name in row},
            )
            for position, row in enumerate(value)
        )

    def from_forms(self, forms):
        return [{name: row.get(name) for name in self.fields} for row in _kept_rows(forms)]

    def display(self, value):
        return "; ".join(
            ": ".join(
                _display(self.row_model._meta.get_field(name), row.get(name))
                for name in self.fields
            )
            for row in value
        )


class Tags(Relation):
    """django-taggit's tags, kept as their sorted names."""

    def read(self, obj):
        return sorted(getattr(obj, self.name).names())

    def write(self, obj, value):
        getattr(obj, self.name).set(value)

    def from_form(self, value):
        return sorted({getattr(item, "name", item) for item in value})


class RevisionSchema:
    """A snapshot of `model`: its editable fields and `relations`; `text_fields` are
    compared line by line."""

    def __init__(self, model, relations=(), *, text_fields=()):
        self.model = model
        self.relations = list(relations)
        for relation in self.relations:
            relation.bind(model)
        self.text_fields = set(text_fields)

    def fields(self):
        """The editable fields, in form order; the other languages' values last."""
        fields = [
            field
            for field in self.model._meta.concrete_fields
            if field.editable and not field.primary_key
        ]
        return sorted(fields, key=lambda field: isinstance(field, TranslationsField))

    def snapshot(self, obj, *, known=None):
        """What `obj` is now; `known` ({relation name: value as a snapshot holds it}) is
        what the caller has just written, taken as it is instead of read back."""
        known = known or {}
        data = {}
        for field in self.fields():
            raw = field.value_from_object(obj)
            data[field.name] = None if raw is None else field.value_to_string(obj)
        for relation in self.relations:
            data[relation.name] = (
                known[relation.name] if relation.name in known else relation.read(obj)
            )
        return data

    def apply_fields(self, obj, data):
        """Put the fields of `data` back into `obj`, unsaved."""
        for field in self.fields():
            if field.name not in data:
                continue
            value = data[field.name]
            value = None if value is None else field.to_python(value)
            if isinstance(field, models.FileField):
                _set_file(obj, field, value or "")
            else:
                setattr(obj, field.attname, value)

    def apply_relations(self, obj, data):
        """Put the relations of `data` back (`obj` is saved)."""
        for relation in self.relations:
            relation.write(obj, data.get(relation.name, []))

    def apply(self, obj, data):
        """Put `data` back into `obj` and save it (the version check applies)."""
        self.apply_fields(obj, data)
        obj.save()
        self.apply_relations(obj, data)
        return obj

    def display(self, name, value):
        """A snapshot's value of field `name`, as a person reads it."""
        return _display(self.model._meta.get_field(name), value)

    def compare(self, old, new):
        """[{"label", "old", "new", "lines"}] for each field, then relation, that differs."""
        rows = []
        for field in self.fields():
            name = field.name
            if old.get(name) == new.get(name):
                continue
            row = {
                "label": field.verbose_name,
                "old": _display(field, old.get(name)),
                "new": _display(field, new.get(name)),
                "lines": None,
            }
            if name in self.text_fields:
                row["lines"] = _line_diff(old.get(name), new.get(name))
            rows.append(row)
        for relation in self.relations:
            before, after = old.get(relation.name, []), new.get(relation.name, [])
            if before != after:
                rows.append(
                    {
                        "label": relation.label,
                        "old": relation.display(before),
                        "new": relation.display(after),
                        "lines": None,
                    }
                )
        return rows


def _set_file(obj, field, name):
    """A file field's stored name back; its image size fields follow it if it still exists."""
    current = getattr(obj, field.attname)
    if (current.name or "") == name:
        return  # unchanged: nothing to open
    try:
        setattr(obj, field.attname, name)
    except OSError:
        obj.__dict__[field.attname] = name
        for size_field in ("width_field", "height_field"):
            if getattr(field, size_field, None):
                setattr(obj, getattr(field, size_field), None)


def _names(model, ids):
    found = {obj.pk: str(obj) for obj in model.objects.filter(pk__in=ids)}
    return ", ".join(found.get(pk, f"#{pk}") for pk in ids)


def _display(field, value):
    if value is None or value == "":
        return ""
    if field.is_relation:
        obj = field.related_model.objects.filter(pk=value).first()
        return str(obj) if obj else f"#{value}"
    if field.choices:
        return str(dict(field.flatchoices).get(field.to_python(value), value))
    if isinstance(field, models.BooleanField):
        return gettext("Yes") if field.to_python(value) else gettext("No")
    if isinstance(value, dict):
        return "\n".join(_lines(value))
    return value


def _line_diff(old, new):
    """Changed lines ("-", "+") with one line of context; a gap is an ellipsis."""
    diff = list(difflib.unified_diff(_lines(old), _lines(new), lineterm="", n=1))[2:]
    lines = ["…" if line.startswith("@@") else line for line in diff]
    return lines[1:] if lines[:1] == ["…"] else lines


def _lines(value):
    """Readable lines of rich text, or of a {language: {field: text}} of translations."""
    if not value:
        return []
    if isinstance(value, dict):
        return [
            line
            for language, values in sorted(value.items())
            if isinstance(values, dict)
            for name, text in values.items()
            for line in (f"[{language}] {name}: {part}" for part in _lines(str(text)))
        ]
    text = value.replace("</p>", "</p>\n").replace("</h2>", "</h2>\n").replace("</li>", "</li>\n")
    return [line.strip() for line in strip_tags(text).splitlines() if line.strip()]


def revision_note(done, note=""):
    """A revision's note: what a step did (`done`), then the user's `note` (why), if
    any, within the note's length."""
    note = " ".join((note or "").split())
    limit = Revision._meta.get_field("note").max_length
    return (f"{done}: {note}" if note else done)[:limit]
