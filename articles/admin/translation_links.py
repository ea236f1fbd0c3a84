"""
The article admin's choosers (a mixin of ArticleAdmin): the detailed search the expert
and article choosers ask, and the translation set's "link to an existing translation"
and "unlink" (never a raw id; the tag field on the same form brings choosers.js). See
docs/admin-choosers.md.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from articles import translation_selectors, translation_services
from articles.choosers import ChooserJsonView, details
from thinktank.concurrency import ConcurrentEditError


class ChoosersAdminMixin:
    def get_urls(self):
        urls = [
            path(
                "chooser/",
                self.admin_site.admin_view(ChooserJsonView.as_view(admin_site=self.admin_site)),
                name="articles_article_chooser",
            ),
            path(
                "<path:object_id>/translation-candidates/",
                self.admin_site.admin_view(self.translation_candidates_view),
                name="articles_article_translation_candidates",
            ),
            path(
                "<path:object_id>/link-translation/",
                self.admin_site.admin_view(self.link_translation_view),
                name="articles_article_link_translation",
            ),
            path(
                "<path:object_id>/unlink-translation/",
                self.admin_site.admin_view(self.unlink_translation_view),
                name="articles_article_unlink_translation",
            ),
        ]
        return urls + super().get_urls()

    def _changeable(self, request, object_id):
        article = self.get_object(request, object_id)
        if article is None or not self.has_change_permission(request, article):
            raise PermissionDenied
        return article

    def translation_candidates_view(self, request, object_id):
        """GET ?term=: the articles that could be linked as translations (select2's JSON)."""
        article = self._changeable(request, object_id)
        candidates = translation_selectors.translation_candidates(
            article, term=request.GET.get("term", "")
        )
        results = [
            {"id": str(candidate.pk), "text": candidate.title, "lang": candidate.language}
            | details(candidate)
            for candidate in candidates
        ]
        return JsonResponse({"results": results, "pagination": {"more": False}})

    def link_translation_view(self, request, object_id):
        """POST article=<id>: link that article's versions with this one's."""
        article = self._changeable(request, object_id)
        if request.method != "POST":
            raise PermissionDenied
        change_url = reverse("admin:articles_article_change", args=[article.pk])
        chosen = request.POST.get("article", "")
        other = (
            self.get_queryset(request).filter(pk=int(chosen)).first() if chosen.isdigit() else None
        )
        if other is None:
            self.message_user(request, _("Choose an article to link."), messages.ERROR)
            return HttpResponseRedirect(change_url)
        try:
            translation_services.article_link_translation(article, other, user=request.user)
        except (PermissionDenied, ConcurrentEditError) as refusal:
            self.message_user(request, _refusal_text(refusal), messages.ERROR)
        else:
            self.message_user(
                request,
                _("“%(title)s” is now linked as a version of this piece.") % {"title": other},
                messages.SUCCESS,
            )
        return HttpResponseRedirect(change_url)

    def unlink_translation_view(self, request, object_id):
        """POST: take this article out of its translation set."""
        article = self._changeable(request, object_id)
        if request.method != "POST":
            raise PermissionDenied
        try:
            translation_services.article_unlink_translation(article, user=request.user)
        except (PermissionDenied, ConcurrentEditError) as refusal:
            self.message_user(request, _refusal_text(refusal), messages.ERROR)
        else:
            self.message_user(
                request,
                _("This article is no longer linked to its translations."),
                messages.SUCCESS,
            )
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))


def _refusal_text(refusal):
    if isinstance(refusal, ConcurrentEditError):
        return _("Someone else saved one of these articles at the same moment; try again.")
    return str(refusal)
