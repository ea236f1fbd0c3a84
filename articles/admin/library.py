"""
The image library in the admin: a list with thumbnails, search and filters, and on
each image's page the articles that show it (which is why it lives with the articles'
admin, as the topics' does). Saves and deletions go through library.services; an
image an article uses is not deleted: Django's confirmation page names the articles
(the rows protecting it), and the service refuses it on every other path.
"""

from django.contrib import admin
from django.db.models import Count
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from articles import selectors
from library import admin_views, services
from library.models import Image
from library.selectors import matching, orientation_filter
from thinktank.admin_actions import ServiceWritesAdminMixin
from thinktank.admin_site import ADMIN_STYLESHEETS
from thinktank.renditions import percent, rendition_name, rendition_widths
from thinktank.translation_admin import TranslatableAdmin
from thinktank.widgets import FocalPointImageWidget

FOCAL_HELP = _(
    "Click on what matters most in the image to set the focal point (or type it below): "
    "the library's square thumbnails are centred on it. Figures always show the whole image."
)


class OrientationFilter(admin.SimpleListFilter):
    title = _("orientation")
    parameter_name = "orientation"

    def lookups(self, request, model_admin):
        return Image.Orientation.choices

    def queryset(self, request, queryset):
        if self.value() in Image.Orientation.values:
            return queryset.filter(orientation_filter(self.value()))
        return queryset


@admin.register(Image)
class ImageAdmin(ServiceWritesAdminMixin, TranslatableAdmin):
    save_service = staticmethod(services.image_save)
    delete_service = staticmethod(services.image_delete)

    class Media:
        css = {"all": ADMIN_STYLESHEETS}

    list_display = [
        "thumbnail",
        "title",
        "dimensions",
        "credit",
        "tag_list",
        "uses",
        "created_by",
        "created_at",
    ]
    list_display_links = ["thumbnail", "title"]
    list_filter = [
        ("tags", admin.RelatedOnlyFieldListFilter),
        ("created_by", admin.RelatedOnlyFieldListFilter),
        OrientationFilter,
        "created_at",
    ]
    search_fields = ["title", "alt_text", "caption", "credit", "tags__name"]
    date_hierarchy = "created_at"
    list_per_page = 50
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "file",
                    "focal_x",
                    "focal_y",
                    "title",
                    "alt_text",
                    "caption",
                    "credit",
                    "tags",
                ]
            },
        ),
        (_("Used by"), {"fields": ["usage"]}),
    ]
    readonly_fields = ["usage"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("created_by")
            .prefetch_related("tags")
            .annotate(use_count=Count("figure_uses", distinct=True))
        )

    def get_search_results(self, request, queryset, search_term):
        """Every word in the title, alt text, caption (in any language), credit or tags."""
        if not search_term.strip():
            return queryset, False
        return queryset.filter(matching(search_term)), False

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "file":
            kwargs["widget"] = FocalPointImageWidget(("focal_x", "focal_y"), help_text=FOCAL_HELP)
        elif db_field.name in ("focal_x", "focal_y"):
            kwargs.update(min_value=0, max_value=100)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("chooser/", wrap(admin_views.chooser_search), name="library_image_chooser"),
            path("chooser/upload/", wrap(admin_views.chooser_upload), name="library_image_upload"),
            path("<int:pk>/preview", wrap(admin_views.image_preview), name="library_image_preview"),
            *super().get_urls(),
        ]

    @admin.display(description=_("image"))
    def thumbnail(self, image):
        """A square thumbnail: the smallest rendition, cropped around the focal point by
        CSS (no file opened, no query, no crop to make)."""
        if not image.file or not image.width or not image.height:
            return "—"
        small = rendition_widths(image.width)[0]
        url = image.file.storage.url(rendition_name(image.file.name, small, "webp"))
        return format_html(
            '<img class="library-thumbnail" src="{}" alt="" width="80" height="80"'
            ' style="object-position: {}% {}%" loading="lazy">',
            url,
            percent(image.focal_x),
            percent(image.focal_y),
        )

    @admin.display(description=_("dimensions"))
    def dimensions(self, image):
        return f"{image.width} × {image.height}" if image.width else "—"

    @admin.display(description=_("tags"))
    def tag_list(self, image):
        return ", ".join(sorted(tag.name for tag in image.tags.all()))

    @admin.display(description=_("used by"), ordering="use_count")
    def uses(self, image):
        return image.use_count

    @admin.display(description=_("articles showing this image"))
    def usage(self, image):
        if image.pk is None:
            return "—"
        articles = selectors.articles_using_image(image)
        if not articles:
            return _("No article shows this image: it may be deleted.")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> ({}, {})</li>',
                (
                    (
                        reverse("admin:articles_article_change", args=[article.pk]),
                        article.title,
                        article.language,
                        article.display_status.label,
                    )
                    for article in articles
                ),
            ),
        )
