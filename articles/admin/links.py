"""The link tool's search (static/js/link-tool.js), a mixin of ArticleAdmin: the site's
articles, experts, topics and regions matching what the editor types, as JSON. Each
kind only for those who may view it in the admin; drafts are found and marked. See
docs/internal-links.md."""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path
from django.utils.text import capfirst
from django.views.decorators.http import require_GET

from articles.link_selectors import link_targets_matching
from articles.links import MODELS
from thinktank.languages import configured_languages, is_rtl
from thinktank.permissions import model_permission


def viewable_kinds(user):
    """The kinds of target `user` may find: those whose admin list they may read."""
    return {
        kind for kind, model in MODELS.items() if user.has_perm(model_permission("view", model))
    }


def target_json(target):
    return {
        "reference": str(target.reference),
        "kind": target.reference.kind,
        "kindLabel": capfirst(MODELS[target.reference.kind]._meta.verbose_name),
        "title": target.title,
        "detail": target.detail,
        "language": target.language,
        "dir": "rtl" if is_rtl(target.language) else "ltr",
        "public": target.public,
        "status": target.status,
    }


class LinkSearchAdminMixin:
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("link-search/", view(self.link_search_view), name="articles_article_link_search"),
            *super().get_urls(),
        ]

    @staticmethod
    @require_GET
    def link_search_view(request):
        """?q= (words, or an address of this site) and ?language= (the article's, in which
        names are shown): {"results": [...]}, at most a few of each kind."""
        kinds = viewable_kinds(request.user)
        if not kinds:
            raise PermissionDenied
        language = request.GET.get("language", "")
        if language not in dict(configured_languages()):
            language = request.LANGUAGE_CODE
        targets = link_targets_matching(request.GET.get("q", ""), kinds=kinds, language=language)
        return JsonResponse({"results": [target_json(target) for target in targets]})
