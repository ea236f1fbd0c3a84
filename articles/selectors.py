"""Reads that assemble what a page shows from what `for_page()` already fetched."""

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils.translation import get_language

from articles.models import Article, ArticleRedirect, LandingRedirect, Region
from articles.models.publishing import byline_prefetch


def translations_for(article):
    """The article's other published versions, in the order of settings.LANGUAGES."""
    versions = getattr(article.translation_set, "published_versions", None)
    if versions is None:  # not fetched with for_page(): fetch them
        versions = Article.objects.published().filter(translation_set=article.translation_set_id)
    order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    others = [version for version in versions if version.pk != article.pk]
    return sorted(others, key=lambda version: order.get(version.language, len(order)))


def article_for_page(slug, language=None):
    """
    The published article at `slug` in `language`, with all its page shows:
    `article.recommended` (the editors' published picks, in order) and the
    `byline` of the article and of each pick, fetched together in one query.
    """
    published = Article.objects.published().in_language(language or get_language())
    return _with_page_parts(published.filter(slug=slug))


def article_for_preview(pk):
    """Any article, whatever its status, as its page will show it (for previews)."""
    return _with_page_parts(Article.objects.filter(pk=pk))


def _with_page_parts(queryset):
    article = queryset.for_page().first()
    if article is None:
        return None
    article.recommended = [link.to_article for link in article.recommendation_links.all()]
    prefetch_related_objects([article, *article.recommended], byline_prefetch())
    return article


def topic_article_list(topic, language=None):
    return (
        Article.objects.published()
        .in_language(language or get_language())
        .filter(topics=topic)
        .for_listing()
        .newest_first()
    )


def region_article_list(region, language=None):
    """A region's work includes the work on every region nested under it."""
    return (
        Article.objects.published()
        .in_language(language or get_language())
        .filter(regions__in=Region.objects.descendant_ids(region))
        .distinct()
        .for_listing()
        .newest_first()
    )


def region_context_for(region):
    """A region's ancestors (for the breadcrumb) and direct sub-regions, from one query."""
    regions = {item.pk: item for item in Region.objects.all()}
    children = sorted(
        (item for item in regions.values() if item.parent_id == region.pk),
        key=lambda item: item.name,
    )
    return {"ancestors": region.ancestors(regions), "subregions": children}


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


def moved_landing_for(slug):
    """The topic or region that used to be at `slug` (merged, or its slug changed)."""
    redirect = LandingRedirect.objects.filter(old_slug=slug).select_related("topic", "region")
    redirect = redirect.first()
    return redirect.target if redirect else None
