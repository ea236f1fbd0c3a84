"""Public pages of articles, topics and regions."""

from django.contrib.admin.views.decorators import staff_member_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from articles import preview, selectors
from articles.models import Article, Region, Topic

PAGE_SIZE = 20


class HomeView(ListView):
    """The latest published work in the page's language."""

    template_name = "articles/article_home.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return Article.objects.published().in_language(get_language()).for_listing().newest_first()


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_object(self, queryset=None):
        return self.kwargs["article"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        translations = selectors.translations_for(article)
        context.update(
            translations=translations,
            # The languages this article exists in, for the switcher and hreflang.
            alternates={
                version.language: version.get_absolute_url() for version in [article, *translations]
            },
            topics=list(article.topics.all()),
            regions=list(article.regions.all()),
        )
        return context


class LandingPageView(ListView):
    """A topic's or a region's page: its description and its published work."""

    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["landing"] = self.kwargs["landing"]
        return context


class TopicDetailView(LandingPageView):
    template_name = "articles/topic_detail.html"

    def get_queryset(self):
        return selectors.topic_article_list(self.kwargs["landing"])


class RegionDetailView(LandingPageView):
    template_name = "articles/region_detail.html"

    def get_queryset(self):
        return selectors.region_article_list(self.kwargs["landing"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(selectors.region_context_for(self.kwargs["landing"]))
        return context


def policy_analysis_entry(request, slug):
    """
    /policy-analysis/<slug> is one namespace: an article in the page's language,
    else a topic, else a region (the model's validation keeps them apart), else a
    former address of an article, topic or region, which answers 301 to where it is now.
    """
    article = selectors.article_for_page(slug)
    if article is not None:
        return ArticleDetailView.as_view()(request, slug=slug, article=article)
    topic = Topic.objects.filter(slug=slug).first()
    if topic is not None:
        return TopicDetailView.as_view()(request, slug=slug, landing=topic)
    region = Region.objects.filter(slug=slug).first()
    if region is not None:
        return RegionDetailView.as_view()(request, slug=slug, landing=region)
    moved = selectors.moved_article_for(slug) or selectors.moved_landing_for(slug)
    if moved is not None:
        return HttpResponsePermanentRedirect(moved.get_absolute_url())
    raise Http404("No article, topic or region at this address.")


def _preview_response(request, article):
    """The article page exactly as readers will see it, in its language, never cached."""
    if article is None:
        raise Http404("No such article.")
    with translation.override(article.language):
        response = ArticleDetailView.as_view(extra_context={"preview": True})(
            request, slug=article.slug, article=article
        )
        response.render()
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@staff_member_required
def article_preview(request, pk):
    """Staff preview of any article, draft or scheduled included."""
    if not request.user.has_perm("articles.view_article"):
        raise PermissionDenied
    return _preview_response(request, selectors.article_for_preview(pk))


def article_shared_preview(request, token):
    """An outside reviewer's preview: a signed link, until it expires or is revoked."""
    try:
        article_id, secret = preview.article_id_from_token(token)
    except signing.BadSignature:
        raise Http404("This preview link is not valid, or it has expired.") from None
    article = selectors.article_for_preview(article_id)
    if article is None or not secret or article.preview_secret != secret:
        raise Http404("This preview link has been revoked.")
    return _preview_response(request, article)
