"""Optimistic concurrency: a save never silently overwrites someone else's.
See docs/concurrency.md."""

from datetime import datetime

from django import forms
from django.contrib import messages
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from thinktank.html import SanitizedHTMLField, sanitize_html
from thinktank.translation import TranslationsField, tidy_translations


class ConcurrentEditError(Exception):
    """The row changed since this copy of it was loaded."""

    def __init__(self, instance):
        self.instance = instance
        super().__init__(
            f"{type(instance).__name__} {instance.pk} was changed by someone else "
            f"since version {instance.version} was loaded."
        )


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, update_fields=None, **kwargs):
        if self._state.adding:
            self._expected_version = None
            return super().save(*args, update_fields=update_fields, **kwargs)
        expected = self.version
        self._expected_version = expected
        self.version = expected + 1
        if update_fields is not None:
            update_fields = {*update_fields, "version"}
        try:
            super().save(*args, update_fields=update_fields, **kwargs)
        except BaseException:
            self.version = expected
            raise
        finally:
            self._expected_version = None

    def _do_update(self, base_qs, using, pk_val, values, update_fields, forced_update):
        expected = getattr(self, "_expected_version", None)
        if expected is None:
            return super()._do_update(base_qs, using, pk_val, values, update_fields, forced_update)
        updated = super()._do_update(
            base_qs.filter(version=expected), using, pk_val, values, update_fields, forced_update
        )
        if not updated and base_qs.filter(pk=pk_val).exists():
            self.version = expected
            raise ConcurrentEditError(self)
        return updated


def comparable(value):
    """A field's value as stored: related objects by id, files by name."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, FieldFile) or value is False:
        return getattr(value, "name", None) or ""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.replace(microsecond=0)  # the form shows whole seconds
    if isinstance(value, models.QuerySet | list | tuple | set):
        return sorted(comparable(item) for item in value)
    return value


def as_stored(field, value):
    """`value` as `field` will store it (sanitized, tidied), so a comparison finds no
    false difference."""
    if isinstance(field, SanitizedHTMLField) and isinstance(value, str):
        return sanitize_html(value)
    if isinstance(field, TranslationsField):
        return tidy_translations(field.model, value)
    return value


class VersionCheckedForm(forms.ModelForm):
    """A ModelForm of a VersionedModel that refuses a stale copy, naming the fields that
    differ; put `loaded_version` in a fieldset."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    conflict_text = _(
        "Someone else saved this after you opened it, so your changes were not saved. "
        "Your text is still in the form below. Fields that differ from the saved version: "
        "%(fields)s. Open it again in another tab to see their version, then bring your "
        "changes over."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version

    # A form that does not say its version cannot be checked: it is refused.
    missing_version_text = _(
        "This form does not say which version you opened, so it was not saved. Open "
        "the page again and make your changes there."
    )

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            loaded = cleaned.get("loaded_version")
            if loaded is None:
                raise forms.ValidationError(self.missing_version_text, code="missing_version")
            model = self._meta.model
            stored = model._base_manager.filter(pk=self.instance.pk).values_list(
                "version", flat=True
            )
            stored = stored.first()
            if stored is not None and loaded != stored:
                raise forms.ValidationError(self.conflict_message(), code="concurrent_edit")
        return cleaned

    def differing_fields(self, current):
        """The labels of the fields whose value in the form is not the saved one."""
        opts = self._meta.model._meta
        fields = [
            *(field for field in opts.concrete_fields if field.editable),
            *(field for field in opts.many_to_many if isinstance(field, models.ManyToManyField)),
        ]
        return [
            str(field.verbose_name)
            for field in fields
            if field.name in self.cleaned_data
            and comparable(self._stored_value(current, field))
            != comparable(as_stored(field, self.cleaned_data[field.name]))
        ]

    @staticmethod
    def _stored_value(current, field):
        if field.many_to_many:
            return list(getattr(current, field.name).values_list("pk", flat=True))
        return field.value_from_object(current)

    def conflict_message(self):
        current = self._meta.model._base_manager.get(pk=self.instance.pk)
        changed = self.differing_fields(current)
        return str(self.conflict_text) % {
            "fields": ", ".join(changed) or _("none (only the version)")
        }

    def _post_clean(self):
        super()._post_clean()
        if self.instance.pk and self.cleaned_data.get("loaded_version") is not None:
            self.instance.version = self.cleaned_data["loaded_version"]


class VersionCheckedAdminMixin:
    """A ModelAdmin of a VersionedModel: a save that loses the race after the form's
    check saves nothing, and says so (`same_moment_message`)."""

    same_moment_message = None

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ConcurrentEditError:
            return self.saved_at_the_same_moment(request)

    def changelist_view(self, request, extra_context=None):
        try:
            return super().changelist_view(request, extra_context)
        except ConcurrentEditError:
            return self.saved_at_the_same_moment(request)

    def saved_at_the_same_moment(self, request):
        self.message_user(request, self.same_moment_message, messages.ERROR)
        return HttpResponseRedirect(request.get_full_path())
