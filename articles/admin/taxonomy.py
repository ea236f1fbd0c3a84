"""
Publication types, topics and regions in the admin, saved and deleted through the
services. Topics and regions are pages with public addresses, so they are
merged rather than deleted in bulk: the services keep every old address leading
somewhere. The articles a page features are saved through the services too.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from articles import site_services, taxonomy_services
from articles.admin.features import FeatureInline
from articles.admin.slug_proposal import TaxonomySlugProposalMixin
from articles.admin.taxonomy_merge import TaxonomyMergeAdminMixin
from articles.models import Feature, PublicationType, Region, Topic
from thinktank.admin_actions import ServiceWritesAdminMixin
from thinktank.language_tabs import LanguageTabsAdminMixin
from thinktank.slug_proposal import SlugProposalAdminMixin
from thinktank.translation_admin import TranslatableAdmin


@admin.register(PublicationType)
class PublicationTypeAdmin(SlugProposalAdminMixin, ServiceWritesAdminMixin, TranslatableAdmin):
    list_display = ["name", "slug", "is_event", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    save_service = staticmethod(site_services.publication_type_save)
    delete_service = staticmethod(site_services.publication_type_delete)


class TopicOrRegionAdmin(
    TaxonomyMergeAdminMixin,
    TaxonomySlugProposalMixin,
    ServiceWritesAdminMixin,
    LanguageTabsAdminMixin,
    TranslatableAdmin,
):
    """Topics and regions: saved and merged through the services, so old URLs redirect."""

    # Where the public site shows each input (templates/articles/topic_or_region.html).
    field_uses = {
        "name": _("The heading of its page, and the link to it on every article filed under it."),
        "description": _(
            "Shown under the heading of its page, and in search results and link previews of it."
        ),
    }

    actions = ["merge"]
    inlines = [FeatureInline]
    save_service = staticmethod(taxonomy_services.topic_or_region_save)
    delete_service = staticmethod(taxonomy_services.topic_or_region_delete)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Feature:
            return super().save_formset(request, form, formset, change)
        changed = formset.save(commit=False)  # as Django's save: deletions first
        for feature in formset.deleted_objects:
            site_services.feature_delete(feature, user=request.user)
        for feature in changed:
            site_services.feature_save(feature, user=request.user)
        return None

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # merge instead: it keeps the old addresses
        return actions

    @admin.action(description=_("Merge selected into one…"), permissions=["delete"])
    def merge(self, request, queryset):
        items = list(queryset)
        survivor_id = request.POST.get("survivor")
        if survivor_id and "confirm" in request.POST:
            survivor = next((item for item in items if str(item.pk) == survivor_id), None)
            if survivor is None:
                self.message_user(request, _("Choose which one to keep."), messages.ERROR)
                return None
            try:
                taxonomy_services.topic_or_region_merge(survivor, items, user=request.user)
            except PermissionDenied as refusal:
                self.message_user(request, str(refusal), messages.ERROR)
                return None
            self.message_user(
                request,
                _("Merged into “%(name)s”; the old addresses now lead there.") % {"name": survivor},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "items": items,
            "title": _("Merge %(things)s") % {"things": self.opts.verbose_name_plural},
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/articles/merge.html", context)


@admin.register(Topic)
class TopicAdmin(TopicOrRegionAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]


@admin.register(Region)
class RegionAdmin(TopicOrRegionAdmin):
    list_display = ["name", "slug", "parent"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = ["name", "description"]
    autocomplete_fields = ["parent"]
