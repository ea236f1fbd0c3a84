"""
Topics and regions suggested from the authors' expertise: as authors are chosen, the
article's form offers the topics and regions they work on, one click each instead of a
search (static/js/expertise-suggestions.js; docs/editor-clicks.md).
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from experts import selectors

SUGGESTED_FIELDS = ("topics", "regions")
MAX_EXPERTS = 20  # more authors than any byline has: the rest are ignored


class ExpertiseSuggestionsAdminMixin:
    @property
    def media(self):
        return super().media + forms.Media(js=["js/expertise-suggestions.js"])

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_expertise"
        view = self.admin_site.admin_view(self.expertise_view)
        return [path("expertise/", view, name=name), *super().get_urls()]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        """The topics' and regions' choosers know where to ask for suggestions."""
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if formfield is not None and db_field.name in SUGGESTED_FIELDS:
            name = f"admin:{self.opts.app_label}_{self.opts.model_name}_expertise"
            formfield.widget.attrs.update(
                {
                    "data-suggestions-url": reverse(name, current_app=self.admin_site.name),
                    "data-suggestions-key": db_field.name,
                    "data-suggestions-label": _("From the authors' expertise:"),
                }
            )
        return formfield

    def expertise_view(self, request):
        """GET ?expert=<id>&expert=<id>…: {"topics": [{"id", "text"}], "regions": […]},
        what those experts work on, the most shared first. Ids that are not numbers are
        ignored."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        ids = [value for value in request.GET.getlist("expert") if value.isascii()]
        ids = [int(value) for value in ids if value.isdigit() and len(value) <= 18]
        expertise = selectors.expertise_of(ids[:MAX_EXPERTS]) if ids else {}
        return JsonResponse(
            {
                key: [{"id": str(item.pk), "text": str(item)} for item in expertise.get(key, [])]
                for key in SUGGESTED_FIELDS
            }
        )
