"""
The article admin: the newsroom's tool. Every write it makes (the form, the bulk
actions, translations, preview links) goes through articles.services (a translation's
through articles.translation_services), so the permission checks, the refusal of
concurrent edits and the revision record are the same here as on every other write path.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import OuterRef, Subquery
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from articles import preview, publish_checks, revisions, services, translation_services
from articles.admin.documents import DocumentInline, save_documents
from articles.admin.features import LINKS_TO_PUBLISHED_WORK
from articles.admin.links import LinkSearchAdminMixin
from articles.admin.live_preview import LivePreviewAdminMixin
from articles.admin.proposals import PendingProposalFilter, ProposalsAdminMixin
from articles.admin.quick_entry import QuickEntryAdminMixin
from articles.admin.slug_proposal import ArticleSlugProposalMixin
from articles.admin.suggestions import ExpertiseSuggestionsAdminMixin
from articles.admin.translating import TranslatingAdminMixin
from articles.admin.translation_links import ChoosersAdminMixin
from articles.admin.word_import import WordImportAdminMixin
from articles.admin.workflow import WorkflowAdminMixin
from articles.admin_forms import ArticleAdminForm
from articles.choosers import ChooserFieldsMixin
from articles.models import Article, ArticleAuthor, ArticleRevision, Document, Recommendation
from articles.models.publishing import byline_prefetch
from editing.admin import EditingAdminMixin
from thinktank import cache_purges
from thinktank.admin_actions import ServiceWritesAdminMixin, run_service_action
from thinktank.admin_site import ADMIN_STYLESHEETS
from thinktank.concurrency import VersionCheckedAdminMixin
from thinktank.ordering import OrderedInlineMixin
from thinktank.revision_admin import RevisionsAdminMixin
from thinktank.sanitizer_report import SanitizerReportAdminMixin


class ArticleAuthorInline(OrderedInlineMixin, ChooserFieldsMixin, admin.TabularInline):
    model = ArticleAuthor
    extra = 0
    autocomplete_fields = ["expert"]
    fields = ["expert", "position"]


class RecommendationInline(OrderedInlineMixin, ChooserFieldsMixin, admin.TabularInline):
    model = Recommendation
    fk_name = "article"
    extra = 0
    autocomplete_fields = ["recommended_article"]
    fields = ["recommended_article", "position"]


@admin.register(Article)
class ArticleAdmin(
    EditingAdminMixin,
    LinkSearchAdminMixin,
    LivePreviewAdminMixin,
    TranslatingAdminMixin,
    SanitizerReportAdminMixin,
    ArticleSlugProposalMixin,
    WorkflowAdminMixin,
    ChoosersAdminMixin,
    WordImportAdminMixin,
    QuickEntryAdminMixin,
    ExpertiseSuggestionsAdminMixin,
    ProposalsAdminMixin,
    RevisionsAdminMixin,
    VersionCheckedAdminMixin,
    ServiceWritesAdminMixin,
    admin.ModelAdmin,
):
    form = ArticleAdminForm
    delete_service = staticmethod(services.article_delete)
    same_moment_message = _(
        "Someone else saved this article at the same moment; nothing was saved."
    )
    # Its "Revisions" pages (thinktank.revision_admin).
    revision_schema = revisions.SCHEMA
    revision_list_fields = ["status", "title"]
    restore_conflict_message = _(
        "Someone else saved this article after you opened this page; nothing was "
        "restored. Look at the differences again before restoring."
    )

    class Media:
        css = {"all": ADMIN_STYLESHEETS}

    list_display = [
        "title",
        "publication_type",
        "display_status_label",
        "proposal_pending",
        "language",
        "author_names",
        "translation_current",
        "published_at",
        "last_change",
    ]
    list_filter = [
        "status",
        PendingProposalFilter,
        "publication_type",
        "language",
        "topics",
        "regions",
        ("authors", admin.RelatedOnlyFieldListFilter),
        ("authors__program", admin.RelatedOnlyFieldListFilter),
    ]
    actions = ["publish", "unpublish", "archive", "submit_for_review", "mark_translation_current"]
    list_select_related = ["publication_type", "translation_source"]
    search_fields = ["title", "summary", "authors__name"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["publication_type", "topics", "regions"]
    inlines = [ArticleAuthorInline, RecommendationInline, DocumentInline]
    # An outlet URL typed without a scheme is https, as Django 6 will assume.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        # The status, the publication time and the note: the save bar (admin/workflow.py);
        # the translation set: the choosers under the form (admin/translation_links.py).
        (
            None,
            {"fields": ["title", "slug", "publication_type", "language", "loaded_version"]},
        ),
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

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # The article and all saved with it (many-to-many, inlines, a workflow step) are
        # one change, which purges only the pages that show it (articles.page_cache).
        with cache_purges.changes():
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        # A change of a public article by someone who may not publish is a proposal:
        # neither the form nor (save_related) its inlines and many-to-many are saved.
        form.proposing = change and services.needs_review(obj, user=request.user)
        if not form.proposing:
            services.article_save(obj, user=request.user)

    def save_related(self, request, form, formsets, change):
        if getattr(form, "proposing", False):
            return self.save_proposal(request, form, formsets)
        # Exempt from the services: the article's many-to-many, authors and recommendations, which
        # Django saves from the form right after article_save checked the permission, in
        # its transaction; the revision recorded next holds them.
        super().save_related(request, form, formsets, change)
        # After the inlines: the step's revision holds the authors and recommendations.
        self.take_workflow_step(request, form)

    def save_formset(self, request, form, formset, change):
        # Documents are saved through their services (a new file checked, the article's
        # rules applied); authors and recommendations by Django, as said above.
        if formset.model is Document:
            return save_documents(request, formset)
        return super().save_formset(request, form, formset, change)

    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/add-translation/",
                self.admin_site.admin_view(self.add_translation_view),
                name="articles_article_add_translation",
            ),
            path(
                "<path:object_id>/preview-link/",
                self.admin_site.admin_view(self.preview_link_view),
                name="articles_article_preview_link",
            ),
        ]
        return urls + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        if article is not None:
            versions = list(
                article.translation_set.articles.select_related("translation_source").order_by(
                    "language"
                )
            )
            taken = {version.language for version in versions}
            extra_context = {
                **(extra_context or {}),
                "translation_versions": versions,
                "translation_languages": [
                    (code, name) for code, name in settings.LANGUAGES if code not in taken
                ],
                "is_stale_translation": article.is_translation_stale,
                **self.proposal_context(request, article),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def add_translation_view(self, request, object_id):
        """POST: a draft translation in the chosen language, prefilled from this article."""
        article = self.get_object(request, object_id)
        if request.method != "POST" or article is None:
            raise PermissionDenied
        language = request.POST.get("language", "")
        if language not in dict(settings.LANGUAGES):
            self.message_user(request, _("Choose a language."), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
        try:
            translation = translation_services.article_add_translation(
                article, language, user=request.user
            )
        except PermissionDenied as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
        self.message_user(
            request,
            _("A draft translation was made: write its text beside the source's."),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[translation.pk]))

    @admin.display(description=_("translation up to date"), boolean=True)
    def translation_current(self, article):
        if article.translation_source_id is None:
            return None
        return not article.is_translation_stale

    @admin.action(description=_("Mark translations as up to date"), permissions=["change"])
    def mark_translation_current(self, request, queryset):
        run_service_action(
            self,
            request,
            queryset.select_related("translation_source"),
            translation_services.article_mark_translation_current,
            _("%(count)d marked as up to date."),
        )

    def preview_link_view(self, request, object_id):
        """POST: share a signed preview link (or, with "revoke", end every one given out)."""
        article = self.get_object(request, object_id)
        if request.method != "POST" or article is None:
            raise PermissionDenied
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        if "revoke" in request.POST:
            services.article_revoke_previews(article, user=request.user)
            self.message_user(request, _("Every preview link of this article has stopped working."))
            return HttpResponseRedirect(change_url)
        url = request.build_absolute_uri(services.article_share_preview(article, user=request.user))
        days = preview.max_age() // 86400
        self.message_user(
            request,
            _("Preview link for people without an account (valid %(days)s days): %(url)s")
            % {"days": days, "url": url},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(change_url)

    def get_queryset(self, request):
        # The list's authors and last editor, in two queries for the whole page.
        last_editor = ArticleRevision.objects.saved().filter(article=OuterRef("pk")).order_by("-pk")
        queryset = (
            super()
            .get_queryset(request)
            .annotate(last_editor_name=Subquery(last_editor.values("user__username")[:1]))
            .prefetch_related(byline_prefetch(Article))
        )
        return self.with_pending_proposals(queryset)

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        # Recommendations and features may only point to published work.
        if request.GET.get("model_name") in LINKS_TO_PUBLISHED_WORK:
            queryset = queryset.published()
        return queryset, may_have_duplicates

    @admin.display(description=_("authors"))
    def author_names(self, article):
        return ", ".join(authorship.expert.name for authorship in article.byline)

    @admin.display(description=_("last change"), ordering="updated_at")
    def last_change(self, article):
        when = formats.date_format(timezone.localtime(article.updated_at), "SHORT_DATETIME_FORMAT")
        editor = getattr(article, "last_editor_name", None)
        return f"{when} ({editor})" if editor else when

    @admin.display(description=_("publication status"), ordering="status")
    def display_status_label(self, article):
        return article.display_status.label

    def has_publish_permission(self, request):
        return services.can_publish(request.user)

    @admin.action(description=_("Publish selected articles"), permissions=["publish"])
    def publish(self, request, queryset):
        # The checks before publish hold here too: what fails them is left for the
        # editor to open and publish anyway (the save bar's confirmation).
        failing = [
            article
            for article in queryset
            if publish_checks.problems(publish_checks.Candidate.stored(article))
        ]
        if failing:
            self.message_user(
                request,
                _(
                    "Not published, as they fail a check before publish: %(titles)s. Open "
                    "each to see what is missing, or to publish it anyway."
                )
                % {"titles": ", ".join(str(article) for article in failing)},
                messages.WARNING,
            )
        run_service_action(
            self,
            request,
            queryset.exclude(pk__in=[article.pk for article in failing]),
            services.article_publish,
            _("%(count)d published."),
        )

    @admin.action(description=_("Unpublish selected articles"), permissions=["publish"])
    def unpublish(self, request, queryset):
        run_service_action(
            self, request, queryset, services.article_unpublish, _("%(count)d unpublished.")
        )

    @admin.action(description=_("Archive selected articles"), permissions=["publish"])
    def archive(self, request, queryset):
        run_service_action(
            self, request, queryset, services.article_archive, _("%(count)d archived.")
        )

    @admin.action(description=_("Submit selected articles for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        run_service_action(
            self,
            request,
            queryset,
            services.article_submit_for_review,
            _("%(count)d submitted for review."),
        )
