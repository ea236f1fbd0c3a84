"""The old addresses of imported pages, in the admin: listed so an editor can find where
an old address leads, and corrected by hand if need be, through the services."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from interchange import services
from interchange.models import LegacyPath
from thinktank.admin_actions import ServiceWritesAdminMixin


@admin.register(LegacyPath)
class LegacyPathAdmin(ServiceWritesAdminMixin, admin.ModelAdmin):
    save_service = staticmethod(services.legacy_path_save)
    delete_service = staticmethod(services.legacy_path_delete)
    list_display = ["path", "content_type", "leads_to", "source", "created_at"]
    list_filter = ["content_type", "source"]
    search_fields = ["path"]
    list_select_related = ["content_type"]
    fields = ["path", "content_type", "object_id", "source"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("target")

    @admin.display(description=_("leads to"))
    def leads_to(self, legacy_path):
        target = legacy_path.target
        return str(target) if target is not None else _("(deleted)")
