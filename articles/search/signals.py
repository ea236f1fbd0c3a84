"""Keep the search index current on every write the models see, re-indexing only the
articles a change touches. See docs/search.md."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from articles.list_cache import IndexChange
from articles.models import Article, ArticleAuthor, Document
from articles.models.publishing import indexed_text_changed, register_search
from articles.search import INDEXED_FIELDS, index_articles, remove_articles, search_articles
from experts.models import Expert
from taxonomy.models import Region, Topic
from thinktank import cache_purges


def _article_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or (update_fields is not None and not INDEXED_FIELDS.intersection(update_fields)):
        return
    index_articles([instance.pk])


def _article_deleted(sender, instance, **kwargs):
    remove_articles([instance.pk])


def _authorship_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        index_articles([instance.article_id])


def _document_changed(sender, instance, raw=False, **kwargs):
    """A document's text is indexed with its article, below the body."""
    if not raw:
        index_articles([instance.article_id])


def _classification_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """An article's topics or regions changed, from either side of the relation."""
    if action == "pre_clear" and reverse:
        # Which articles lose this topic is known only before the rows go.
        rows = sender.objects.filter(**{_side(sender, instance): instance.pk})
        instance._search_cleared = list(rows.values_list("article_id", flat=True))
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        index_articles([instance.pk])
    elif action == "post_clear":
        index_articles(getattr(instance, "_search_cleared", []))
    elif pk_set:
        index_articles(Article.objects.filter(pk__in=pk_set))


def _side(through, instance):
    """The through model's column pointing at `instance` (a topic or a region)."""
    for field in through._meta.get_fields():
        if getattr(field, "related_model", None) is type(instance):
            return field.attname
    raise LookupError(type(instance))


def _names(instance):
    """What of an expert, topic or region the index holds."""
    if isinstance(instance, Expert):
        return instance.search_text
    return (instance.name, instance.translations)


def _remember_names(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        instance._search_names = None
        return
    stored = sender.objects.filter(pk=instance.pk).first()
    instance._search_names = None if stored is None else _names(stored)


def _names_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or created:
        return  # a new expert, topic or region is on no article yet
    if getattr(instance, "_search_names", None) == _names(instance):
        return
    if isinstance(instance, Expert):  # inside the expert's services' changes() block
        cache_purges.track(IndexChange, instance)
    index_articles(instance.articles.all())


def _remember_articles(sender, instance, **kwargs):
    instance._search_articles = list(instance.articles.values_list("pk", flat=True))


def _names_deleted(sender, instance, **kwargs):
    index_articles(getattr(instance, "_search_articles", []))


def _indexed_text_changed(sender, ids, **kwargs):
    index_articles(ids)


def connect():
    """Hook the index and the search into the models (ArticlesConfig.ready())."""
    register_search(search_articles)
    uid = "articles.search"
    post_save.connect(_article_saved, sender=Article, dispatch_uid=uid)
    post_delete.connect(_article_deleted, sender=Article, dispatch_uid=uid)
    indexed_text_changed.connect(_indexed_text_changed, sender=Article, dispatch_uid=uid)
    post_save.connect(_authorship_changed, sender=ArticleAuthor, dispatch_uid=uid)
    post_delete.connect(_authorship_changed, sender=ArticleAuthor, dispatch_uid=uid)
    post_save.connect(_document_changed, sender=Document, dispatch_uid=uid)
    post_delete.connect(_document_changed, sender=Document, dispatch_uid=uid)
    for through in (Article.topics.through, Article.regions.through):
        m2m_changed.connect(_classification_changed, sender=through, dispatch_uid=uid)
    for model in (Expert, Topic, Region):
        pre_save.connect(_remember_names, sender=model, dispatch_uid=uid)
        post_save.connect(_names_saved, sender=model, dispatch_uid=uid)
    for model in (Topic, Region):
        pre_delete.connect(_remember_articles, sender=model, dispatch_uid=uid)
        post_delete.connect(_names_deleted, sender=model, dispatch_uid=uid)
