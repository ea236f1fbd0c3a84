"""
Merging a topic or region into another, from its own change page: a "Merge into
another…" button leads to a page where the one to keep is found by search, what moves
is summed up (articles, experts, features, sub-regions, addresses), and the merge is
confirmed; it goes through taxonomy_services.topic_or_region_merge, so the old addresses redirect.
"""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from articles import taxonomy_selectors, taxonomy_services


class TaxonomyMergeAdminMixin:
    """Put before the topic's or region's ModelAdmin: its `<id>/merge/` page."""

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_merge"
        view = self.admin_site.admin_view(self.merge_view)
        return [path("<path:object_id>/merge/", view, name=name), *super().get_urls()]

    def merge_url(self, obj):
        return reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_merge",
            args=[obj.pk],
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and self.has_delete_permission(request, obj):
            context["merge_url"] = self.merge_url(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def merge_view(self, request, object_id):
        """GET ?q= searches for the one to keep, ?into= sums up the merge; POST into= merges."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_delete_permission(request, obj):
            raise PermissionDenied
        data = request.POST if request.method == "POST" else request.GET
        survivor = self._survivor(obj, data.get("into", ""))
        if request.method == "POST":
            if survivor is None:
                self.message_user(request, _("Choose where to merge it."), messages.ERROR)
                return HttpResponseRedirect(self.merge_url(obj))
            try:
                taxonomy_services.topic_or_region_merge(survivor, [obj], user=request.user)
            except PermissionDenied as refusal:
                self.message_user(request, str(refusal), messages.ERROR)
                return HttpResponseRedirect(self.merge_url(obj))
            self.message_user(
                request,
                _("Merged “%(old)s” into “%(name)s”; its old addresses now lead there.")
                % {"old": obj, "name": survivor},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(
                reverse(
                    f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_change",
                    args=[survivor.pk],
                )
            )
        query = data.get("q", "").strip()[:200]
        candidates = []
        if query:
            queryset, _duplicates = self.get_search_results(
                request, self.model._default_manager.all(), query
            )
            candidates = taxonomy_selectors.merge_candidates(obj, queryset)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "query": query,
            "searched": "q" in data,
            "candidates": candidates,
            "survivor": survivor,
            "summary": taxonomy_selectors.merge_summary(obj) if survivor else None,
            "old_address": obj.get_absolute_url(),
            "title": _("Merge “%(name)s” into another") % {"name": obj},
        }
        return TemplateResponse(request, "admin/articles/topic_or_region_merge.html", context)

    def _survivor(self, obj, pk):
        """The topic (or region) `pk` that `obj` may be merged into, or None."""
        if not (pk.isascii() and pk.isdigit()):
            return None
        queryset = self.model._default_manager.filter(pk=pk)
        allowed = taxonomy_selectors.merge_candidates(obj, queryset)
        return allowed[0] if allowed else None
