"""
The redirects that keep old addresses working, in the admin. The services make them
when an article's address changes or topics and regions are merged; they are listed here so
an editor can find where an old address leads, and correct it by hand if need be.
"""

from django.contrib import admin

from articles.models import ArticleRedirect, TaxonomyRedirect


@admin.register(ArticleRedirect)
class ArticleRedirectAdmin(admin.ModelAdmin):
    list_display = ["__str__", "article", "created_at"]
    list_select_related = ["article"]
    search_fields = ["old_slug", "article__title"]
    autocomplete_fields = ["article"]


@admin.register(TaxonomyRedirect)
class TaxonomyRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "topic", "region", "created_at"]
    list_select_related = ["topic", "region"]
    search_fields = ["old_slug"]
