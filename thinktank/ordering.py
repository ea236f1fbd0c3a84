"""
Rows put in order by dragging (or with the keyboard) instead of typed numbers: the
`position` field becomes a hidden input that static/js/ordering.js fills in, and the
server renumbers the kept rows 0..n in the order submitted. See docs/admin-choosers.md.
"""

from django import forms
from django.forms.models import BaseInlineFormSet, BaseModelFormSet
from django.utils.translation import gettext_lazy as _

ORDERING_JS = "js/ordering.js"
ORDERING_CSS = "css/admin-choosers.css"


def position_widget():
    """The hidden input of a row's position, with the words ordering.js shows and says."""
    return forms.HiddenInput(
        attrs={
            "data-ordering-position": "",
            "data-move-up": _("Move up"),
            "data-move-down": _("Move down"),
            "data-handle": _("Drag to reorder, or press the up and down arrow keys"),
            "data-moved": _("%(name)s is now number %(position)s of %(count)s."),
        }
    )


class PositionField(forms.IntegerField):
    """A row's place, filled in by ordering.js. Moving rows alone does not make a blank
    new row "changed" (renumber() marks the kept rows whose place changed)."""

    def has_changed(self, initial, data):
        return False


def position_formfield(db_field, **kwargs):
    """The form field of an ordering `db_field`: hidden, and optional (a row sent without
    a position goes last)."""
    return db_field.formfield(
        form_class=PositionField, widget=position_widget(), required=False, **kwargs
    )


def renumber(forms_in_order, field="position"):
    """Give the kept forms (not deleted, not empty) of a formset the positions 0..n in
    the order submitted (a missing position last, ties in the order sent)."""
    kept = [
        (index, form)
        for index, form in enumerate(forms_in_order)
        if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
    ]

    def submitted(item):
        index, form = item
        position = form.cleaned_data.get(field)
        return (position is None, position or 0, index)

    for new_position, (_index, form) in enumerate(sorted(kept, key=submitted)):
        form.cleaned_data[field] = new_position
        setattr(form.instance, field, new_position)
        if form.initial.get(field) != new_position and field not in form.changed_data:
            form.changed_data.append(field)


class OrderedInlineFormSet(BaseInlineFormSet):
    """An inline formset whose rows are saved with the positions 0..n as submitted."""

    def clean(self):
        super().clean()
        if not any(form.errors for form in self.forms):
            renumber(self.forms)


class OrderedModelFormSet(BaseModelFormSet):
    """A list's editable rows (list_editable), saved with the positions 0..n as submitted."""

    def clean(self):
        super().clean()
        if not any(form.errors for form in self.forms):
            renumber(self.forms)


class OrderedListMixin:
    """A ModelAdmin whose list is ordered by dragging its rows (`position` in
    list_editable, hidden), renumbered on save."""

    ordering_field = "position"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == self.ordering_field:
            return position_formfield(db_field, **kwargs)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_changelist_formset(self, request, **kwargs):
        return super().get_changelist_formset(request, formset=OrderedModelFormSet, **kwargs)

    @property
    def media(self):
        return super().media + forms.Media(js=[ORDERING_JS], css={"all": [ORDERING_CSS]})


class OrderedInlineMixin:
    """A TabularInline ordered by dragging its rows: `position` hidden, renumbered."""

    formset = OrderedInlineFormSet
    ordering_field = "position"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == self.ordering_field:
            return position_formfield(db_field, **kwargs)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @property
    def media(self):
        return super().media + forms.Media(js=[ORDERING_JS], css={"all": [ORDERING_CSS]})
