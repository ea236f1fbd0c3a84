"""The old addresses of imported pages, in the admin: listed so an editor can find where
an old address leads, and corrected by hand if need be, through the services. Paths
read left to right, titles in their own direction, in an Arabic admin too."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from interchange import services
from interchange.admin_import import ImportAdminMixin
from interchange.models import LegacyPath
from thinktank.admin_actions import ServiceWritesAdminMixin

LEFT_TO_RIGHT = ("path", "source", "object_id")


@admin.register(LegacyPath)
class LegacyPathAdmin(ImportAdminMixin, ServiceWritesAdminMixin, admin.ModelAdmin):
    save_service = staticmethod(services.legacy_path_save)
    delete_service = staticmethod(services.legacy_path_delete)
    list_display = ["old_address", "content_type", "leads_to", "from_source", "created_at"]
    list_display_links = ["old_address"]
    list_filter = ["source"]
    search_fields = ["path"]
    list_select_related = ["content_type"]
    ordering = ["path"]
    fields = ["path", "content_type", "object_id", "source"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("target")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in LEFT_TO_RIGHT and field is not None:
            field.widget.attrs["dir"] = "ltr"
        return field

    @admin.display(description=_("old address"), ordering="path")
    def old_address(self, legacy_path):
        return format_html('<bdi dir="ltr">{}</bdi>', legacy_path.path)

    @admin.display(description=_("source"), ordering="source")
    def from_source(self, legacy_path):
        return format_html('<bdi dir="ltr">{}</bdi>', legacy_path.source)

    @admin.display(description=_("leads to"))
    def leads_to(self, legacy_path):
        target = legacy_path.target
        return format_html("<bdi>{}</bdi>", target) if target is not None else _("(deleted)")
