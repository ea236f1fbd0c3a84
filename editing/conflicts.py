"""The concurrent-edit refusal (thinktank.concurrency.VersionCheckedForm) side by side:
for each field where the stored object ("theirs") and the refused form ("yours")
differ, both values, readable and as the form takes them, so the editor can merge.
See docs/concurrency.md."""

from django import forms
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django.utils.translation import gettext as _

# Fields that are not the object's content; a form names more of its own in
# `not_content_fields` (the article form: the save bar's step, time and confirmation).
NOT_CONTENT = {"loaded_version", "change_note"}


def is_refused_as_stale(form):
    """Whether `form` was refused because someone saved the object after it was opened."""
    return any(
        error.code == "concurrent_edit" for error in form.errors.as_data().get("__all__", [])
    )


def as_list(value):
    if value is None:
        return []
    if isinstance(value, list | tuple | set):
        return [str(item) for item in value if item is not None]
    return [str(value)]


def choice_labels(field, values):
    """{value: label} of the chosen `values` of a choice field."""
    if isinstance(field, forms.ModelChoiceField):  # ModelMultipleChoiceField too
        key = field.to_field_name or "pk"
        objects = field.queryset.filter(**{f"{key}__in": [v for v in values if v]})
        return {str(getattr(obj, key)): str(obj) for obj in objects}
    if isinstance(field, forms.ChoiceField):
        flat = {}
        for value, label in field.choices:
            if isinstance(label, list | tuple):
                flat.update({str(v): str(lbl) for v, lbl in label})
            else:
                flat[str(value)] = str(label)
        return {value: flat.get(value, value) for value in values}
    return {}


def readable(field, values, labels):
    """The text an editor reads for a field's value."""
    if isinstance(field, forms.BooleanField):
        return _("Yes") if values and values[0] not in ("", "False", "false", "off") else _("No")
    if labels:
        return ", ".join(labels.get(value, value) for value in values if value) or "—"
    text = "\n".join(values)
    if "<" in text and ">" in text:
        text = strip_tags(text.replace("</p>", "</p>\n"))
    return normalize_newlines(text).strip() or "—"


def side(field, value):
    values = as_list(value)
    labels = choice_labels(field, values)
    return {
        "values": values,
        "options": [[value, labels[value]] for value in values if value in labels],
        "text": readable(field, values, labels),
    }


def conflict_rows(form):
    """[{"name", "label", "theirs", "yours"}] for each content field of the refused
    `form` whose stored value differs from the submitted one; each side is {"values":
    as the form takes them, "options": [[value, label]], "text": readable}."""
    current = form._meta.model._base_manager.get(pk=form.instance.pk)
    stored = type(form)(instance=current)
    not_content = NOT_CONTENT | set(getattr(form, "not_content_fields", ()))
    rows = []
    for name, field in form.fields.items():
        if (
            name in not_content
            or name not in stored.fields
            or field.disabled
            or field.widget.is_hidden
            or isinstance(field, forms.FileField)
        ):
            continue
        theirs = stored[name]
        if not field.has_changed(theirs.initial, form[name].data):
            continue
        rows.append(
            {
                "name": form.add_prefix(name),
                "label": str(field.label or name),
                "theirs": side(field, theirs.value()),
                "yours": side(field, form[name].value()),
            }
        )
    return rows
