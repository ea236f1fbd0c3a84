"""What the site's page cache (thinktank.cache) must know of articles: what their
writes change, what their pages show, when they change by themselves."""

from dataclasses import dataclass, replace

from django.apps import apps
from django.utils import timezone

from articles import list_cache
from articles.models import Article, ArticleAuthor, Recommendation
from articles.related_keys import links_of, newcomer_keys, sidebar_keys
from articles.search import sqlite as search_on_sqlite
from thinktank import cache_purges
from thinktank.cache import depends_on, key
from thinktank.cache_ledger import ALL
from thinktank.links import references_in

_tables = set()  # the tables an article's writes go to (register())


@dataclass(frozen=True)
class Facts:
    """What lists, sidebars and other articles' pages show of a published (or
    scheduled) article besides its card, and its version (which every save moves)."""

    version: int
    slug: str
    language: str
    translation_set_id: int
    publication_type_id: int
    published_at: object
    event_start: object
    authors: frozenset
    topics: frozenset
    regions: frozenset
    tags: frozenset

    def newcomer_keys(self):
        """What its publish purges of other articles' sidebars (articles.related_keys);
        None when it cannot say."""
        links = links_of(authors=self.authors, topics=self.topics, regions=self.regions)
        return newcomer_keys(links, self.language)


def facts_of(pk):
    """The Facts of the article `pk`, or None when it is neither published nor
    scheduled (nothing of it is public)."""
    row = (
        Article.objects.filter(pk=pk, status=Article.Status.PUBLISHED)
        .values_list(*(name for name in Facts.__dataclass_fields__ if not _is_set(name)))
        .first()
    )
    if row is None:
        return None
    sets = {
        "authors": ArticleAuthor.objects.filter(article_id=pk).values_list("expert_id"),
        "topics": Article.topics.through.objects.filter(article_id=pk).values_list("topic_id"),
        "regions": Article.regions.through.objects.filter(article_id=pk).values_list("region_id"),
        "tags": Article.tags.through.objects.filter(object_id=pk).values_list("tag_id"),
    }
    return Facts(*row, **{name: frozenset(pk for (pk,) in ids) for name, ids in sets.items()})


def _is_set(name):
    return name in ("authors", "topics", "regions", "tags")


class ArticleChange:
    """The writes of one article (cache_purges.track): nothing public when it is neither
    published nor scheduled before and after, or was not saved nor relinked (a
    revision, a proposal); else its page and every page showing it (its card, a link
    to it), and when it moved in or out of lists, the lists (list_cache), the sidebars
    it may enter (related_keys) and the articles recommending it."""

    def __init__(self, article):
        self.article = article
        self.tables = _tables
        self.before = facts_of(article.pk) if article.pk else None

    def changed(self):
        pk = self.article.pk
        after = facts_of(pk) if pk else None
        if self.before == after:  # never public, or neither saved nor relinked
            return set()
        public = [facts for facts in (self.before, after) if facts is not None]
        keys = {key("article", pk)}
        keys.update(key("translations", facts.translation_set_id) for facts in public)
        keys.update(_address_key(facts.slug, facts.language) for facts in public)
        placed = _placement(self.before) != _placement(after)
        if placed:
            # Where it was a card, its article key is named; where it may become one:
            entering = after.newcomer_keys() if after else set()
            keys.update(entering if entering is not None else {ALL})
            recommending = Recommendation.objects.filter(recommended_article_id=pk)
            keys.update(
                key("article", by) for by in recommending.values_list("article_id", flat=True)
            )
        # The lists showing it, and those it entered, left or moved in (list_cache).
        keys.update(list_cache.changed(pk, self.before, after, placed=placed))
        return keys


def _placement(facts):
    """Where the article is listed and linked from: its Facts but the version and the
    slug (cards and links name the article itself)."""
    return facts and replace(facts, version=None, slug=None)


def _address_key(slug, language):
    return key("article-at", f"{language}/{slug}")


# A block whose writes of articles' rows are one article's: they purge only what
# shows it (ArticleChange), and nothing while it is not public.
changing_article = cache_purges.changing(ArticleChange)


def article_page_shows(article):
    """Tell the page cache what `article`'s page shows besides its three parts, which
    articles.page_selectors.article_for_page has the page cache remember and which name
    themselves (article_shows, sidebar_shows, byline_shows), and its cards, which name
    their bylines (articles.cards): the targets of its body's links."""
    depends_on(*(key(reference.kind, reference.id) for reference in references_in(article.body)))


def byline_shows(article):
    """Tell the page cache what `article`'s byline (prefetched as `byline`, as its page
    shows it) shows: which experts wrote it, in which order (the article), and them."""
    depends_on(key("article", article.pk), *(key("expert", by.expert_id) for by in article.byline))


def article_shows(article):
    """Tell the page cache what the article part of its page shows: the article and its
    published versions."""
    depends_on(key("article", article.pk), key("translations", article.translation_set_id))


# Topics and regions, their names, slugs and places: every write of them purges
# everything (register()), never this key alone.
TAXONOMY = key("taxonomy", "all")


def taxonomy_shown():
    """Tell the page cache that the page (or value) shows topics or regions (TAXONOMY)."""
    depends_on(TAXONOMY)


def no_article_shows(slug, language):
    """Tell the page cache that no article is public at `slug` in `language` (a topic's
    or a region's page, a former address): until one is, or its go-live comes."""
    depends_on(_address_key(slug, language))


def sidebar_shows(article, cards, *, authors, topics, regions):
    """Tell the page cache what `article`'s sidebar showing `cards` shows: the cards, and
    what may enter it (articles.related_keys, from the ids of the article's `authors`,
    `topics` and `regions`); it is drawn from the article's links and versions, which a
    write of the article changes."""
    keys = {key("article", shown.pk) for shown in (article, *cards)}
    keys.add(key("translations", article.translation_set_id))
    links = links_of(authors=authors, topics=topics, regions=regions)
    keys.update(sidebar_keys(links, language=article.language, cards=cards))
    depends_on(*keys)


def next_public_change():
    """
    When the published articles next change by themselves: a scheduled article goes
    live at its date, an event moves from the upcoming to the past at its start. Two
    reads along an index each (article_newest, article_event_start), not a scan of the
    published articles: every write to an article asks this again.
    """
    now = timezone.now()
    published = Article.objects.filter(status=Article.Status.PUBLISHED)
    going_live = (
        published.filter(published_at__gt=now)
        .order_by("status", "published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    starting = (
        published.filter(published_at__lte=now, event_start__gt=now)
        .order_by("event_start")
        .values_list("event_start", flat=True)
        .first()
    )
    return min(filter(None, (going_live, starting)), default=None)


def register(page_cache):
    # Every model of articles shows on some public page, and so do the tags.
    articles = [
        *apps.get_app_config("articles").get_models(include_auto_created=True),
        *apps.get_app_config("taggit").get_models(include_auto_created=True),
    ]
    page_cache.watch(*articles, tables=[search_on_sqlite.TABLE])
    _tables.update(model._meta.db_table for model in articles)
    _tables.add(search_on_sqlite.TABLE)  # SQLite's search index, a table of its own
    list_cache.register([search_on_sqlite.TABLE, Article._meta.db_table])
    # Topics and regions (their names, slugs and former addresses) show on article pages,
    # in bylines' and bodies' links (docs/internal-links.md), and on their own pages.
    page_cache.watch(*apps.get_app_config("taxonomy").get_models(include_auto_created=True))
    page_cache.schedule(next_public_change, {Article: ("status", "published_at", "event_start")})
