"""The public pages of articles: the home page, an article, a topic's or a region's page."""

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView, TemplateView

from articles import (
    citations,
    list_cache,
    page_selectors,
    pdf_edition,
    selectors,
    structured_data,
)
from articles.body import rendered_body
from articles.models import Region
from thinktank.metadata import share_image
from thinktank.pagination import PageParameterMixin

PAGE_SIZE = 20


class HomeView(TemplateView):
    """The features, the latest work of each type and the upcoming events."""

    template_name = "articles/article_home.html"

    def get(self, request, *args, **kwargs):
        # The home page listed every piece, page by page, before /policy-analysis did:
        # its old page addresses lead there, with their page number.
        if "page" in request.GET:
            listing = reverse("articles:list")
            return HttpResponsePermanentRedirect(f"{listing}?{request.GET.urlencode()}")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        language = get_language()
        home = selectors.home_page(language)
        list_cache.home_shows(language, home)
        return super().get_context_data(**home, **kwargs)


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"
    # document -> the address the page links it at (previews give their own).
    document_url = None

    def get_object(self, queryset=None):
        return self.kwargs["article"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        translations = page_selectors.translations_for(article)
        context.update(
            translations=translations,
            # The languages this article exists in, for the switcher and hreflang.
            alternates={
                version.language: version.get_absolute_url() for version in [article, *translations]
            },
            **self.taxonomy(article),
            documents=self.documents(article),
        )
        url = self.request.build_absolute_uri(article.get_absolute_url())
        context.update(
            json_ld=structured_data.article_json_ld(
                article, self.request, topics=context["topics"], regions=context["regions"]
            ),
            # A hero image is wide: Twitter's large card.
            share_image=share_image(
                article.hero_image, self.request, alt=article.hero_image_alt, large=True
            ),
            citation=citations.work_for(article, url),
            # Known once its PDF edition was made (a look at the storage, no query).
            pdf_size=pdf_edition.edition_size(article, url),
        )
        if (self.extra_context or {}).get("preview"):
            # Figures, internal links (one query each, none without) and notes, the
            # links to what is not public marked; a page's own are rendered with the
            # rest of its <article> when that is not kept (articles.article_html).
            context["body"] = rendered_body(article, preview=True)
        return context

    def taxonomy(self, article):
        """{"topics", "regions"} the page links to (prefetched by for_page()); the live
        preview gives the ones in the editor's form."""
        return {"topics": list(article.topics.all()), "regions": list(article.regions.all())}

    def documents(self, article):
        """The article's documents (prefetched by for_page()), each with `download_url`."""
        documents = getattr(article, "page_documents", [])
        for document in documents:
            url = self.document_url(document) if self.document_url else None
            document.download_url = url or document.get_absolute_url()
        return documents


class TopicOrRegionView(PageParameterMixin, ListView):
    """
    A topic's or a region's page: its description, the features (on the first
    page), its published work, newest first, and the experts who wrote most of it.
    """

    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        filters = self.topic_or_region_filter()
        self.list_keys = list_cache.list_shows(**filters)
        return selectors.published_work(language=get_language(), **filters)

    def topic_or_region_filter(self):
        return selectors.topic_or_region_filter(self.kwargs["topic_or_region"])

    def top_experts(self, language):
        return selectors.top_experts_for(self.kwargs["topic_or_region"], language)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        topic_or_region, language = self.kwargs["topic_or_region"], get_language()
        page = context["page_obj"]
        featured = []
        if page.number == 1:
            featured = selectors.featured_on(topic_or_region, language)
        # The page's articles stay a queryset, and its features have no bylines:
        # articles.cards reads the rows and bylines of only the cards not kept.
        context.update(
            topic_or_region=topic_or_region,
            featured=featured,
            top_experts=self.top_experts(language),
        )
        return context


class TopicDetailView(TopicOrRegionView):
    template_name = "articles/topic_detail.html"


class RegionDetailView(TopicOrRegionView):
    template_name = "articles/region_detail.html"

    @cached_property
    def region_context(self):
        """The breadcrumb, the sub-regions and the nested regions' ids: one query."""
        return page_selectors.region_context_for(self.kwargs["topic_or_region"])

    def topic_or_region_filter(self):
        nested_ids = self.region_context["nested_ids"]
        return selectors.topic_or_region_filter(
            self.kwargs["topic_or_region"], nested_ids=nested_ids
        )

    def top_experts(self, language):
        nested_ids = self.region_context["nested_ids"]
        return selectors.top_experts_for(
            self.kwargs["topic_or_region"], language, nested_ids=nested_ids
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            ancestors=self.region_context["ancestors"],
            subregions=self.region_context["subregions"],
        )
        return context


def article_topic_or_region(request, slug):
    """
    /policy-analysis/<slug> is one namespace: an article in the page's language,
    else a topic, else a region (the model's validation keeps them apart), else a
    former address of an article, topic or region, which answers 301 to where it is now.
    """
    page_selectors.recall_address(slug)
    article = page_selectors.article_for_page(slug)
    if article is not None:
        return ArticleDetailView.as_view()(request, slug=slug, article=article)
    topic_or_region = page_selectors.topic_or_region_at(slug)
    if isinstance(topic_or_region, Region):
        return RegionDetailView.as_view()(request, slug=slug, topic_or_region=topic_or_region)
    if topic_or_region is not None:
        return TopicDetailView.as_view()(request, slug=slug, topic_or_region=topic_or_region)
    moved = page_selectors.moved_article_for(slug) or page_selectors.moved_topic_or_region_for(slug)
    if moved is not None:
        return HttpResponsePermanentRedirect(moved.get_absolute_url())
    raise Http404("No article, topic or region at this address.")
