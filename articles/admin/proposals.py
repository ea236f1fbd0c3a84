"""Proposed changes in the article admin, a mixin of ArticleAdmin.
See docs/editorial-workflow.md."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles import proposals, services
from articles.models import Article, ArticleRevision

PROPOSED = {
    Article.Status.PUBLISHED: _(
        "This article is live: your changes were saved as a proposed change for an "
        "editor to review."
    ),
    Article.Status.ARCHIVED: _(
        "This article is archived: your changes were saved as a proposed change for an "
        "editor to review."
    ),
}


class PendingProposalFilter(admin.SimpleListFilter):
    """The articles with a proposed change awaiting review (annotated by the mixin)."""

    title = _("proposed changes")
    parameter_name = "proposed"

    def lookups(self, request, model_admin):
        return [("pending", _("Awaiting review"))]

    def queryset(self, request, queryset):
        if self.value() == "pending":
            return queryset.filter(has_pending_proposal=True)
        return queryset


class ProposalsAdminMixin:
    def with_pending_proposals(self, queryset):
        """Each article's `has_pending_proposal`, in the list's own query."""
        pending = ArticleRevision.objects.pending().filter(article=OuterRef("pk"))
        return queryset.annotate(has_pending_proposal=Exists(pending))

    @admin.display(description=_("change proposed"), boolean=True)
    def proposal_pending(self, article):
        return getattr(article, "has_pending_proposal", False)

    def must_propose(self, request, article):
        """Whether this user's change of this freshly loaded article is only a proposal."""
        return services.is_reviewed(article.status, user=request.user)

    # --- the change form -----------------------------------------------------------------

    def save_proposal(self, request, form, formsets):
        """Keep the submitted form and inlines as a proposed change; nothing is saved."""
        form.instance.proposal = proposals.article_propose(
            form.instance,
            user=request.user,
            relations=self.submitted_relations(form, formsets),
            note=form.cleaned_data.get("change_note", ""),
        )

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(form, "proposing", False):
            return gettext("Proposed a change for review.")
        return super().construct_change_message(request, form, formsets, add)

    def response_change(self, request, obj):
        proposal = getattr(obj, "proposal", None)
        if proposal is None:
            return super().response_change(request, obj)
        self.tell_proposed(request, obj)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[obj.pk]))

    def tell_proposed(self, request, article):
        """Tell the user their change was kept as a proposal (`article` may be edited)."""
        stored = Article.objects.values_list("status", flat=True).get(pk=article.pk)
        message = PROPOSED.get(stored, PROPOSED[Article.Status.PUBLISHED])
        self.message_user(request, message, messages.WARNING)

    def proposal_context(self, request, article):
        """The change form's notices: what a save will do, and the proposals awaiting review."""
        return {
            "must_propose": self.must_propose(request, article),
            "pending_proposals": list(proposals.pending_proposals(article)),
        }

    # --- the revisions pages -------------------------------------------------------------

    def restore_revision(self, request, obj, revision):
        if revision.is_pending or not services.needs_review(obj, user=request.user):
            return services.article_restore(
                obj, revision, user=request.user, note=self.restore_note(request)
            )
        return proposals.article_propose_restore(
            obj, revision, user=request.user, note=self.restore_note(request)
        )

    def restored(self, request, obj, revision, result):
        if result.is_pending:
            self.tell_proposed(request, obj)
        elif revision.proposal:
            self.message_user(request, _("The proposed change was published."), messages.SUCCESS)
        else:
            super().restored(request, obj, revision, result)

    def revision_label(self, revision):
        return revision.get_proposal_display() if revision.proposal else ""

    def revision_context(self, request, obj, revision):
        may_publish = services.can_publish(request.user)
        return {
            "is_pending_proposal": revision.is_pending,
            "must_propose": self.must_propose(request, obj),
            "can_restore": self.has_change_permission(request, obj)
            and (may_publish or not revision.is_pending),
            "can_discard": revision.is_pending
            and (may_publish or revision.user_id == request.user.pk),
        }

    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/revisions/<int:revision_id>/discard/",
                self.admin_site.admin_view(self.discard_proposal_view),
                name="articles_article_discard_proposal",
            ),
        ]
        return urls + super().get_urls()

    def discard_proposal_view(self, request, object_id, revision_id):
        """POST: set a pending proposed change aside."""
        article = self.get_object(request, object_id)
        if request.method != "POST" or article is None:
            raise PermissionDenied
        proposal = get_object_or_404(ArticleRevision, pk=revision_id, article=article)
        try:
            proposals.article_discard_proposal(proposal, user=request.user)
        except PermissionDenied as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
        else:
            self.message_user(request, _("The proposed change was discarded."), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_article_revisions", args=[article.pk]))
