from articles.models.article import Article, TranslationSet
from articles.models.features import Feature, HomeFeature
from articles.models.links import ArticleAuthor, ArticleRedirect, Recommendation
from articles.models.publishing import ArticleQuerySet
from articles.models.revision import ArticleRevision
from articles.models.taxonomy import LandingRedirect, PublicationType, Region, Topic

__all__ = [
    "Article",
    "ArticleAuthor",
    "ArticleQuerySet",
    "ArticleRedirect",
    "ArticleRevision",
    "Feature",
    "HomeFeature",
    "LandingRedirect",
    "PublicationType",
    "Recommendation",
    "Region",
    "Topic",
    "TranslationSet",
]
