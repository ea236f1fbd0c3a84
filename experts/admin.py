"""The experts' admin; every write it makes goes through experts.services."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from editing.admin import EditingAdminMixin
from experts import revisions, services
from experts.admin_forms import ExpertAdminForm
from experts.models import Expert, ExpertLink, Program
from thinktank import cache_purges
from thinktank.admin_actions import ServiceWritesAdminMixin, run_service_action
from thinktank.admin_site import ADMIN_STYLESHEETS
from thinktank.concurrency import VersionCheckedAdminMixin
from thinktank.language_tabs import LanguageTabsAdminMixin
from thinktank.revision_admin import RevisionsAdminMixin
from thinktank.slug_proposal import SlugProposalAdminMixin
from thinktank.translation_admin import TranslatableAdmin
from thinktank.widgets import FocalPointAdminMixin

# A link typed without a scheme is https, as Django 6 will assume.
URL_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Program)
class ProgramAdmin(
    SlugProposalAdminMixin, ServiceWritesAdminMixin, LanguageTabsAdminMixin, TranslatableAdmin
):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name", "description"]
    field_uses = {
        "name": _("The heading of the program's page, and the link to it on its experts' pages."),
        "description": _(
            "Shown under the heading of the program's page and in the list of programs."
        ),
    }

    save_service = staticmethod(services.program_save)
    delete_service = staticmethod(services.program_delete)


class ExpertLinkInline(admin.TabularInline):
    """The expert's public links, in the order the profile shows them."""

    model = ExpertLink
    extra = 0
    fields = ["kind", "url", "position"]
    formfield_overrides = URL_OVERRIDES


@admin.register(Expert)
class ExpertAdmin(
    EditingAdminMixin,
    SlugProposalAdminMixin,
    RevisionsAdminMixin,
    FocalPointAdminMixin,
    VersionCheckedAdminMixin,
    ServiceWritesAdminMixin,
    LanguageTabsAdminMixin,
    TranslatableAdmin,
):
    form = ExpertAdminForm
    delete_service = staticmethod(services.expert_delete)
    same_moment_message = _("Someone else saved this expert at the same moment; nothing was saved.")
    # Its "Revisions" pages (thinktank.revision_admin).
    revision_schema = revisions.SCHEMA
    revision_list_fields = ["name", "is_active"]

    list_display = ["name", "role", "program", "kind", "position", "is_active"]
    # Reordering: the position on the program's page, edited in the list.
    list_editable = ["position"]
    list_filter = ["kind", "is_active", "program"]
    list_select_related = ["program"]
    ordering = ["program", "position", "sort_name"]
    search_fields = ["name", "sort_name", "role", "short_bio"]
    autocomplete_fields = ["program", "topics", "regions"]
    inlines = [ExpertLinkInline]
    actions = ["deactivate", "reactivate"]
    formfield_overrides = {**TranslatableAdmin.formfield_overrides, **URL_OVERRIDES}
    # Where the public site shows each input (templates/experts/, includes/expert_card.html,
    # the byline of articles/article_detail.html).
    field_uses = {
        "name": _("The heading of the expert's page; also in bylines and the experts' directory."),
        "role": _("Shown under the name on the expert's page and card, e.g. “Senior Fellow”."),
        "short_bio": _(
            "Shown under the expert's articles, in search results and link previews of the "
            "expert's page, and on that page when there is no full bio."
        ),
        "bio": _("Shown on the expert's page, above the list of publications."),
        "languages": _("Shown on the expert's page under “Languages”, e.g. “English, Arabic”."),
        "photo": _("Shown on the expert's page, on the expert's card and beside their articles."),
        "program": _("Shown under the role on the expert's page, as a link to the program."),
        "topics": _("Shown on the expert's page under “Areas of expertise”."),
        "regions": _("Shown on the expert's page under “Areas of expertise”."),
        "email": _("Shown on the expert's page under “Contact”."),
        "phone": _("Shown on the expert's page under “Contact”."),
        "kind": _("Not shown on the public site: it filters the admin's list of experts."),
    }
    fieldsets = [
        (None, {"fields": ["name", "slug", "sort_name", "kind", "is_active", "loaded_version"]}),
        (_("Position"), {"fields": ["role", "program", "position"]}),
        (
            _("Profile"),
            {
                "fields": [
                    "photo",
                    ("photo_focal_x", "photo_focal_y"),
                    "short_bio",
                    "bio",
                    "languages",
                ]
            },
        ),
        (_("Expertise"), {"fields": ["topics", "regions"]}),
        (_("Contact"), {"fields": ["email", "phone"]}),
    ]

    class Media:
        css = {"all": ADMIN_STYLESHEETS}  # the photo's focal point (thinktank/widgets.py)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # The expert and all saved with it (topics, regions, links) are one change,
        # which purges only the pages that show the expert (experts.page_cache).
        with cache_purges.changes():
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        # The revision is recorded in save_related, once topics, regions and links are saved.
        services.expert_save(obj, user=request.user, record_revision=False)

    def save_related(self, request, form, formsets, change):
        # Exempt from the services: the expert's topics, regions and links, which Django
        # saves from the form right after expert_save checked the permission, in its
        # transaction; the revision recorded next holds them.
        super().save_related(request, form, formsets, change)
        services.expert_record_revision(form.instance, user=request.user)

    def restore_revision(self, request, obj, revision):
        return services.expert_restore(
            obj, revision, user=request.user, note=self.restore_note(request)
        )

    def get_actions(self, request):
        # Deactivating replaces deleting (a former expert keeps their bylines).
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    @admin.action(description=_("Deactivate (former expert)"), permissions=["change"])
    def deactivate(self, request, queryset):
        run_service_action(
            self, request, queryset, services.expert_deactivate, _("%(count)d deactivated.")
        )

    @admin.action(description=_("Reactivate"), permissions=["change"])
    def reactivate(self, request, queryset):
        run_service_action(
            self, request, queryset, services.expert_reactivate, _("%(count)d reactivated.")
        )
