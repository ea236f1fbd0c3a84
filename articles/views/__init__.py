"""Public views of articles, one module per kind of page."""

from articles.views.documents import (
    article_document,
    article_document_preview,
    document_link,
    shared_preview_document,
)
from articles.views.listing import ArticleListView, EventListView, event_calendar
from articles.views.pages import (
    ArticleDetailView,
    HomeView,
    RegionDetailView,
    TopicDetailView,
    article_topic_or_region,
)
from articles.views.previews import article_preview, article_shared_preview

__all__ = [
    "ArticleDetailView",
    "ArticleListView",
    "EventListView",
    "HomeView",
    "RegionDetailView",
    "TopicDetailView",
    "article_document",
    "article_document_preview",
    "article_preview",
    "article_shared_preview",
    "document_link",
    "event_calendar",
    "shared_preview_document",
    "article_topic_or_region",
]
