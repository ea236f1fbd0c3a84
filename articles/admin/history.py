"""
An article's revisions in the admin: the list, one revision compared with the article
now (or with another revision), and restoring one. A mixin of ArticleAdmin, kept apart
because it is a set of views of its own; a restore goes through the service, so like
any save it is refused when someone else saved the article meanwhile.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from articles import revisions, services
from thinktank.concurrency import ConcurrentEditError


def _when(revision):
    return formats.date_format(timezone.localtime(revision.created_at), "DATETIME_FORMAT")


class RevisionsAdminMixin:
    """The revision views of a ModelAdmin of articles, at <id>/revisions/."""

    def get_urls(self):
        revision_urls = [
            path(
                "<path:object_id>/revisions/",
                self.admin_site.admin_view(self.revisions_view),
                name="articles_article_revisions",
            ),
            path(
                "<path:object_id>/revisions/<int:revision_id>/",
                self.admin_site.admin_view(self.revision_view),
                name="articles_article_revision",
            ),
        ]
        return revision_urls + super().get_urls()

    def revisions_view(self, request, object_id):
        """An article's history: every saved revision, to view, compare or restore."""
        article = self.get_object(request, object_id)
        if article is None or not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "title": _("Revisions of “%(title)s”") % {"title": article},
            "revisions": article.revisions.select_related("user"),
        }
        return TemplateResponse(request, "admin/articles/article/revision_list.html", context)

    def revision_view(self, request, object_id, revision_id):
        """
        One revision compared with the article as it is now (or with another revision,
        ?against=<id>); POST restores it, as a new revision, if nobody saved meanwhile.
        """
        article = self.get_object(request, object_id)
        if article is None or not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        revision = get_object_or_404(article.revisions, pk=revision_id)
        if request.method == "POST":
            return self.restore(request, article, revision)
        against = request.GET.get("against")
        if against and against.isdigit():
            other = get_object_or_404(article.revisions, pk=against)
            newer, label = other.data, _when(other)
        else:
            newer, label = revisions.snapshot(article), _("now")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": article,
            "revision": revision,
            "against_label": label,
            "differences": revisions.compare(revision.data, newer),
            "can_restore": self.has_change_permission(request, article),
            "title": _("Revision of %(when)s") % {"when": _when(revision)},
        }
        return TemplateResponse(request, "admin/articles/article/revision_detail.html", context)

    def restore(self, request, article, revision):
        loaded = request.POST.get("loaded_version", "")
        if loaded.isdigit():
            article.version = int(loaded)
        try:
            services.article_restore(article, revision, user=request.user)
        except ConcurrentEditError:
            self.message_user(
                request,
                _(
                    "Someone else saved this article after you opened this page; nothing was "
                    "restored. Look at the differences again before restoring."
                ),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())
        self.message_user(request, _("The revision was restored."), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))
