"""Public views of articles, one module per kind of page."""

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
    "article_preview",
    "article_shared_preview",
    "event_calendar",
    "article_topic_or_region",
]
