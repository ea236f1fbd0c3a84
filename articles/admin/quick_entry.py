"""
Fewer clicks to write an article (docs/editor-clicks.md): the add form starts with the
publication type the editor last worked on, and an author's or a recommendation's row,
once added, opens its search at once (static/js/chooser-add-opens.js).
"""

from django import forms

from articles import selectors


class QuickEntryAdminMixin:
    @property
    def media(self):
        return super().media + forms.Media(js=["js/chooser-add-opens.js"])

    def get_changeform_initial_data(self, request):
        """The add form's publication type: one given in the address, else the one of
        the article this editor last worked on."""
        initial = super().get_changeform_initial_data(request)
        if "publication_type" not in initial:
            last = selectors.last_publication_type_of(request.user)
            if last is not None:
                initial["publication_type"] = last
        return initial
