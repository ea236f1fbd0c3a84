"""
Features in the admin: a topic's or a region's featured articles are edited on
its page (FeatureInline), the home page's in a list of their own (HomeFeatureAdmin).

Featuring is editing a public page, so the permission comes from that page, not from
permissions of Feature rows that no role holds: whoever may change a topic or region
may change its features, and whoever may publish may choose the home page's. Both
are saved and deleted through articles.site_services.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from articles import site_services
from articles.choosers import ChooserFieldsMixin
from articles.models import Feature, HomeFeature
from articles.permissions import PUBLISH_ARTICLE
from thinktank.admin_actions import ServiceWritesAdminMixin
from thinktank.ordering import OrderedInlineMixin, OrderedListMixin
from thinktank.permissions import model_permission

# The admin's article search (the autocomplete) offers published work only to these.
LINKS_TO_PUBLISHED_WORK = {"recommendation", "feature", "homefeature"}


class FeatureInline(OrderedInlineMixin, ChooserFieldsMixin, admin.TabularInline):
    model = Feature
    extra = 0
    autocomplete_fields = ["article"]
    fields = ["article", "position"]
    ordering = ["position", "pk"]
    verbose_name_plural = _("featured articles (first on the page, in this order)")

    def may_change_page(self, request):
        return request.user.has_perm(model_permission("change", self.parent_model))

    def has_view_permission(self, request, obj=None):
        return self.may_change_page(request)

    def has_add_permission(self, request, obj=None):
        return self.may_change_page(request)

    def has_change_permission(self, request, obj=None):
        return self.may_change_page(request)

    def has_delete_permission(self, request, obj=None):
        return self.may_change_page(request)


@admin.register(HomeFeature)
class HomeFeatureAdmin(
    OrderedListMixin, ChooserFieldsMixin, ServiceWritesAdminMixin, admin.ModelAdmin
):
    save_service = staticmethod(site_services.feature_save)
    delete_service = staticmethod(site_services.feature_delete)
    list_display = ["position", "article", "language", "shown"]
    list_display_links = ["article"]
    list_editable = ["position"]
    list_select_related = ["article"]
    autocomplete_fields = ["article"]
    fields = ["article"]  # a new one goes last; the list is put in order by dragging
    ordering = ["position", "pk"]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        return site_services.feature_add_last(obj, user=request.user)

    @admin.display(description=_("language"), ordering="article__language")
    def language(self, feature):
        return feature.article.get_language_display()

    @admin.display(description=_("shown to readers"), boolean=True)
    def shown(self, feature):
        # A draft or scheduled piece may be featured ahead; the page shows it once live.
        return feature.article.display_status == feature.article.DisplayStatus.PUBLISHED

    def has_module_permission(self, request):
        return request.user.has_perm(PUBLISH_ARTICLE)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(PUBLISH_ARTICLE)

    def has_add_permission(self, request):
        return request.user.has_perm(PUBLISH_ARTICLE)

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm(PUBLISH_ARTICLE)

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm(PUBLISH_ARTICLE)
