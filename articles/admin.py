"""The articles' admin. The editorial workflow issue turns it into a newsroom tool."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import (
    Article,
    ArticleAuthor,
    PublicationType,
    Recommendation,
    Region,
    Topic,
    TranslationSet,
)
from thinktank.translation_admin import TranslatableAdmin


@admin.register(PublicationType)
class PublicationTypeAdmin(TranslatableAdmin):
    list_display = ["name", "slug", "is_event", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Topic)
class TopicAdmin(TranslatableAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Region)
class RegionAdmin(TranslatableAdmin):
    list_display = ["name", "slug", "parent"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


class ArticleAuthorInline(admin.TabularInline):
    model = ArticleAuthor
    extra = 0
    autocomplete_fields = ["expert"]
    fields = ["expert", "position"]


class RecommendationInline(admin.TabularInline):
    model = Recommendation
    fk_name = "from_article"
    extra = 0
    autocomplete_fields = ["to_article"]
    fields = ["to_article", "position"]


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
class TranslationSetAdmin(admin.ModelAdmin):
    list_display = ["__str__", "created_at"]
    inlines = [TranslationInline]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "publication_type", "status", "language", "published_at"]
    list_filter = ["status", "publication_type", "language", "topics", "regions"]
    list_select_related = ["publication_type"]
    search_fields = ["title", "summary", "authors__name"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["publication_type", "topics", "regions"]
    raw_id_fields = ["translation_set"]
    inlines = [ArticleAuthorInline, RecommendationInline]
    # An outlet URL typed without a scheme is https, as Django 6 will assume.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["title", "slug", "publication_type", "language", "translation_set"]}),
        (_("Publishing"), {"fields": ["status", "published_at"]}),
        (_("Text"), {"fields": ["summary", "body", "footer_note"]}),
        (_("Also published in"), {"fields": ["outlet_name", "outlet_url"]}),
        (_("Classification"), {"fields": ["topics", "regions", "tags"]}),
        (_("Hero image"), {"fields": ["hero_image", "hero_image_alt", "hero_image_credit"]}),
        (
            _("Event"),
            {
                "classes": ["collapse"],
                "fields": [
                    "event_start",
                    "event_time_zone",
                    "event_end",
                    "event_location",
                    "event_is_online",
                ],
            },
        ),
    ]
