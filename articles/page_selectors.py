"""What the page at an address reads: the article there with its sidebar and byline (or
the topic or region there), the article's other languages, and where a moved one went.

The page cache remembers the article's parts and the topic or region apart, so that a
page purged for one of them renders the others from what was kept (docs/page-cache.md,
"The parts of an article page")."""

from operator import attrgetter

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils.translation import get_language

from articles import page_cache, recommendations
from articles.models import Article, ArticleRedirect, Region, TaxonomyRedirect, Topic
from articles.models.publishing import PAGE_AUTHOR_FIELDS, TAXONOMY_LINK_FIELDS, byline_prefetch
from taxonomy.models import RegionTree
from thinktank.cache import recall, remember, remember_many


def translations_for(article):
    """The article's other published versions, in the order of settings.LANGUAGES."""
    versions = getattr(article.translation_set, "published_versions", None)
    if versions is None:  # not fetched with for_page(): fetch them
        versions = Article.objects.published().filter(translation_set=article.translation_set_id)
    order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    others = [version for version in versions if version.pk != article.pk]
    return sorted(others, key=lambda version: order.get(version.language, len(order)))


# What article_for_page() keeps for an address with no article (None is never kept):
# a topic's or region's page then does not look for one at every render.
NO_ARTICLE = False

# The names the page cache remembers an article's sidebar and byline under, by its pk.
SIDEBAR = "sidebar"
PAGE_BYLINE = "page-byline"


def article_for_page(slug, language=None):
    """The published article at `slug` in `language` with all its page shows, or None:
    `article.sidebar_articles` (articles.recommendations) and its `byline`. The article,
    its sidebar and its byline are each remembered by the page cache until what they
    show changes, so a page purged for one of them renders the others from what was
    kept. A byline not kept is read with the sidebar cards' (one query), which the cards
    not kept use. That there is none is remembered too, until one is public."""
    language = language or get_language()
    article = remember(*_article_named(slug, language), lambda: _article_at(slug, language))
    if article is NO_ARTICLE:
        return None
    recall((SIDEBAR, article.pk), (PAGE_BYLINE, article.pk))  # one round trip for both
    article.sidebar_articles = remember(SIDEBAR, article.pk, lambda: _sidebar_of(article))
    (article.byline,) = remember_many(
        PAGE_BYLINE,
        [article],
        parts=attrgetter("pk"),
        compute=_byline_of,
        load=lambda missing: [_with_page_bylines(article)],
    )
    return article


def recall_address(slug, language=None):
    """Fetch at once what article_for_page() and topic_or_region_at() keep for `slug`,
    which its page asks for next (thinktank.cache.recall)."""
    recall(_article_named(slug, language or get_language()), _topic_or_region_named(slug))


def _article_named(slug, language):
    return "article-page", (slug, language)


def _topic_or_region_named(slug):
    return "topic-or-region-at", slug


def article_for_preview(pk):
    """Any article, whatever its status, as its page will show it (for previews)."""
    article = _first_for_page(Article.objects.filter(pk=pk))
    if article is None:
        return None
    article.sidebar_articles = recommendations.sidebar(article, article.language)
    return _with_page_bylines(article)


def _article_at(slug, language):
    published = Article.objects.published().in_language(language).filter(slug=slug)
    article = _first_for_page(published)
    if article is None:
        page_cache.no_article_shows(slug, language)
        return NO_ARTICLE
    page_cache.article_shows(article)
    return article


def _sidebar_of(article):
    cards = recommendations.sidebar(article, article.language)
    page_cache.sidebar_shows(
        article,
        cards,
        authors=recommendations.author_ids(article),
        topics=[topic.pk for topic in article.topics.all()],
        regions=[region.pk for region in article.regions.all()],
    )
    return cards


def _first_for_page(queryset):
    """The first of `queryset` with what its page reads besides bylines and sidebar."""
    return recommendations.with_sidebar_links(queryset.for_page()).first()


def _byline_of(article):
    """`article.byline` to keep: its authorships without their article (the page has it)."""
    page_cache.byline_shows(article)
    article_link = Article.authorships.field  # ArticleAuthor.article
    for authorship in article.byline:
        if article_link.is_cached(authorship):
            article_link.delete_cached_value(authorship)
    return article.byline


def _with_page_bylines(article):
    """`article`, it and its sidebar's cards with their `byline`, in one query."""
    bylines = byline_prefetch(Article, fields=PAGE_AUTHOR_FIELDS)
    prefetch_related_objects([article, *article.sidebar_articles], bylines)
    return article


def region_context_for(region):
    """{"ancestors", "subregions", "nested_ids"} of `region`, from one query."""
    regions = {item.pk: item for item in Region.objects.only("parent", *TAXONOMY_LINK_FIELDS)}
    tree = RegionTree.of(regions.values())
    subregions = [regions[pk] for pk in tree.children.get(region.pk, [])]
    return {
        "ancestors": [regions[pk] for pk in tree.ancestors(region.pk)],
        "subregions": sorted(subregions, key=lambda item: item.name),
        "nested_ids": tree.nested_ids(region.pk),
    }


def moved_article_for(slug, language=None):
    """The published article that used to be at `slug`, if its slug has changed."""
    redirect = (
        ArticleRedirect.objects.filter(
            language=language or get_language(),
            old_slug=slug,
            article__in=Article.objects.published(),
        )
        .select_related("article")
        .first()
    )
    return redirect.article if redirect else None


def moved_topic_or_region_for(slug):
    """The topic or region that used to be at `slug` (merged, or its slug changed)."""
    redirect = TaxonomyRedirect.objects.filter(old_slug=slug).select_related("topic", "region")
    redirect = redirect.first()
    return redirect.target if redirect else None


def topic_or_region_at(slug):
    """The topic at `slug`, else the region at it, else None (their slugs never clash);
    remembered by the page cache until the topics and regions change."""
    return remember(*_topic_or_region_named(slug), lambda: _topic_or_region_at(slug))


def _topic_or_region_at(slug):
    page_cache.taxonomy_shown()
    return Topic.objects.filter(slug=slug).first() or Region.objects.filter(slug=slug).first()
