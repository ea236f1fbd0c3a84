from articles.models.article import (
    Article,
    ArticleAuthor,
    ArticleQuerySet,
    ArticleRedirect,
    Recommendation,
    TranslationSet,
)
from articles.models.revision import ArticleRevision
from articles.models.taxonomy import LandingRedirect, PublicationType, Region, Topic

__all__ = [
    "Article",
    "ArticleAuthor",
    "ArticleQuerySet",
    "ArticleRedirect",
    "ArticleRevision",
    "LandingRedirect",
    "PublicationType",
    "Recommendation",
    "Region",
    "Topic",
    "TranslationSet",
]
