from articles.models.article import Article, TranslationSet
from articles.models.body_links import ArticleLink
from articles.models.documents import Document
from articles.models.features import Feature, HomeFeature
from articles.models.figures import ArticleImage
from articles.models.links import ArticleAuthor, ArticleRedirect, Recommendation
from articles.models.publishing import ArticleQuerySet
from articles.models.revision import ArticleRevision
from articles.models.taxonomy import PublicationType
from taxonomy.models import Region, TaxonomyRedirect, Topic  # the taxonomy app's, named here too

__all__ = [
    "Article",
    "ArticleAuthor",
    "ArticleImage",
    "ArticleLink",
    "ArticleQuerySet",
    "ArticleRedirect",
    "ArticleRevision",
    "Document",
    "Feature",
    "HomeFeature",
    "TaxonomyRedirect",
    "PublicationType",
    "Recommendation",
    "Region",
    "Topic",
    "TranslationSet",
]
