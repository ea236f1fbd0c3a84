"""
Fewer clicks to write an article (docs/editor-clicks.md): the add form starts in the
title, with the publication type the editor last worked on; Enter in the title moves
to the summary (instead of sending the form); an author's or a recommendation's row,
once added, opens its search at once, and the tag field's search stays open after a
tag is picked, for the next (static/js/quick-entry.js).
"""

from django import forms

from articles.desk import selectors


class StartsInTitle:
    """A form whose cursor starts in the title."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            self.fields["title"].widget.attrs["autofocus"] = True


class EnterMovesOn:
    """A form whose title goes on to the summary with Enter, as in a word processor."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields and "summary" in self.fields:
            self.fields["title"].widget.attrs["data-enter-moves-to"] = self["summary"].id_for_label


class QuickEntryAdminMixin:
    @property
    def media(self):
        return super().media + forms.Media(js=["js/quick-entry.js"])

    def get_form(self, request, obj=None, change=False, **kwargs):
        """Enter in the title moves on; on the add form, the cursor starts there."""
        form = super().get_form(request, obj, change=change, **kwargs)
        mixins = (EnterMovesOn,) if change else (StartsInTitle, EnterMovesOn)
        return type(form.__name__, (*mixins, form), {})

    def get_changeform_initial_data(self, request):
        """The add form's publication type: one given in the address, else the one of
        the article this editor last worked on."""
        initial = super().get_changeform_initial_data(request)
        if "publication_type" not in initial:
            last = selectors.last_publication_type_of(request.user)
            if last is not None:
                initial["publication_type"] = last
        return initial
