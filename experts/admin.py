from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from experts.models import Expert, Program
from thinktank.renditions import ensure_renditions
from thinktank.translation_admin import TranslatableAdmin
from thinktank.widgets import FocalPointAdminMixin


@admin.register(Program)
class ProgramAdmin(TranslatableAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Expert)
class ExpertAdmin(FocalPointAdminMixin, TranslatableAdmin):
    list_display = ["name", "role", "program", "kind", "is_active"]
    list_filter = ["kind", "is_active", "program"]
    list_select_related = ["program"]
    search_fields = ["name", "sort_name", "role", "short_bio"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["program"]
    translations_side_by_side = True
    translations_fieldset_title = _("Name, role and bio in each language")
    fieldsets = [
        (None, {"fields": ["name", "slug", "sort_name", "kind", "is_active"]}),
        (_("Position"), {"fields": ["role", "program"]}),
        (
            _("Profile"),
            {"fields": ["photo", ("photo_focal_x", "photo_focal_y"), "short_bio", "bio"]},
        ),
    ]

    class Media:
        css = {"all": ["css/admin.css"]}  # the photo's focal point (thinktank/widgets.py)

    def save_model(self, request, obj, form, change):
        uploaded = not getattr(obj.photo, "_committed", True)  # a new file in this save
        super().save_model(request, obj, form, change)
        # The photo's sizes for pages are made now, not when a reader asks for them.
        ensure_renditions(obj.photo, replace=uploaded)
