"""Public views of articles, one module per kind of page."""

from articles.views.pages import (
    ArticleDetailView,
    HomeView,
    RegionDetailView,
    TopicDetailView,
    policy_analysis_entry,
)
from articles.views.previews import article_preview, article_shared_preview

__all__ = [
    "ArticleDetailView",
    "HomeView",
    "RegionDetailView",
    "TopicDetailView",
    "article_preview",
    "article_shared_preview",
    "policy_analysis_entry",
]
