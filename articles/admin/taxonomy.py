"""
Publication types, topics and regions in the admin. Topics and regions are
pages with public addresses, so they are saved and merged through the services and
never deleted: the services keep every old address leading somewhere.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from articles import services
from articles.admin.features import FeatureInline
from articles.models import PublicationType, Region, Topic
from thinktank.translation_admin import TranslatableAdmin


@admin.register(PublicationType)
class PublicationTypeAdmin(TranslatableAdmin):
    list_display = ["name", "slug", "is_event", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class TopicOrRegionAdmin(TranslatableAdmin):
    """Topics and regions: saved and merged through the services, so old URLs redirect."""

    actions = ["merge"]
    inlines = [FeatureInline]

    def save_model(self, request, obj, form, change):
        services.topic_or_region_save(obj, user=request.user)

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
                services.topic_or_region_merge(survivor, items, user=request.user)
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
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Region)
class RegionAdmin(TopicOrRegionAdmin):
    list_display = ["name", "slug", "parent"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
