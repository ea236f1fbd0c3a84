"""
The redirects that keep old addresses working, in the admin. The services make them
when an article's address changes or topics and regions are merged; they are listed
here so an editor can find where an old address leads, and correct it by hand if need be,
through articles.site_services.
"""

from django.contrib import admin

from articles import site_services
from articles.models import ArticleRedirect, TaxonomyRedirect
from thinktank.admin_actions import ServiceWritesAdminMixin


@admin.register(ArticleRedirect)
class ArticleRedirectAdmin(ServiceWritesAdminMixin, admin.ModelAdmin):
    save_service = staticmethod(site_services.redirect_save)
    delete_service = staticmethod(site_services.redirect_delete)
    list_display = ["__str__", "article", "created_at"]
    list_select_related = ["article"]
    search_fields = ["old_slug", "article__title"]
    autocomplete_fields = ["article"]


@admin.register(TaxonomyRedirect)
class TaxonomyRedirectAdmin(ServiceWritesAdminMixin, admin.ModelAdmin):
    save_service = staticmethod(site_services.redirect_save)
    delete_service = staticmethod(site_services.redirect_delete)
    list_display = ["old_slug", "topic", "region", "created_at"]
    list_select_related = ["topic", "region"]
    search_fields = ["old_slug"]
