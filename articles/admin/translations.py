"""
Translation sets in the admin: what groups an article's language versions. A set is
only listed with its versions here; each version is written, and a new one started,
from its own article's page.
"""

from django.contrib import admin

from articles import site_services
from articles.models import Article, TranslationSet
from thinktank.admin_actions import ServiceWritesAdminMixin


class TranslationInline(admin.TabularInline):
    model = Article
    fields = ["title", "language", "status", "published_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(TranslationSet)
class TranslationSetAdmin(ServiceWritesAdminMixin, admin.ModelAdmin):
    save_service = staticmethod(site_services.translation_set_save)
    delete_service = staticmethod(site_services.translation_set_delete)
    list_display = ["__str__", "created_at"]
    inlines = [TranslationInline]
