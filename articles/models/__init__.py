from articles.models.article import (
    Article,
    ArticleAuthor,
    ArticleQuerySet,
    Recommendation,
    TranslationSet,
)
from articles.models.taxonomy import PublicationType, Region, Topic

__all__ = [
    "Article",
    "ArticleAuthor",
    "ArticleQuerySet",
    "PublicationType",
    "Recommendation",
    "Region",
    "Topic",
    "TranslationSet",
]
