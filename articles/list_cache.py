"""
What the site's page cache (thinktank.cache) must know of the lists of published work
(docs/page-cache.md, "What each page names"): what a list page names while it renders,
and which lists a change of an article purges (articles.page_cache.ArticleChange).

A list names its cards (each article's key, and its bylines' experts') and its *head*,
which stands for which articles are in it and in which order. An article's change
purges the heads of every list it enters, leaves or moves in (its placement changed:
published, taken down, redated, given other authors, topics, regions, type or
language), before and after. The heads:

- ("list", language): every list of one language (the home page, the events, the
  listing, the latest feeds, a program's page);
- ("list-topic", pk), ("list-region", pk), ("list-author", pk), ("list-type", pk): the
  lists narrowed to one topic, one region (with the regions nested in it), one author
  or one type, in any language (their pages, feeds, the listing so filtered, an
  expert's profile, the top experts of a topic or region);
- ("search", language): search pages, whose matches depend on the text too: purged by
  any change of a public article in that language.
"""

from django.conf import settings

from articles.models import Feature, Region
from experts.page_cache import LISTED_EXPERTS, listed_experts_shown
from thinktank.cache import depends_on, key

# The heads of the lists narrowed to one thing, by `published_work`'s filter of it,
# narrowest first: a list narrowed by several names one (an article entering or
# leaving it is in each).
NARROWED_BY = (
    ("author", "list-author"),
    ("topic", "list-topic"),
    ("region", "list-region"),
    ("publication_type", "list-type"),
)


def _languages(language):
    """[language], or every language of the site for None (a list of all of them)."""
    return [language] if language else [code for code, _name in settings.LANGUAGES]


def list_head(*, language=None, **filters):
    """The keys of which articles a list narrowed by `published_work`'s keyword
    `filters` holds (dates: within the language's; a program's, within its authors'
    or the language's, and which experts the program has: LISTED_EXPERTS)."""
    program = [LISTED_EXPERTS] if filters.get("program") is not None else []
    for name, kind in NARROWED_BY:
        if filters.get(name) is not None:
            return [key(kind, filters[name].pk), *program]
    return [*(key("list", code) for code in _languages(language)), *program]


def list_shows(**filters):
    """Tell the page cache that the page lists the work `published_work(**filters)`
    finds, and return the keys (a paginator's count depends on them)."""
    keys = list_head(**filters)
    depends_on(*keys)
    return keys


def listing_shows(filters):
    """A list of work with the filter form (the listing): its head, and every expert
    with a profile (the form's options)."""
    listed_experts_shown()
    return list_shows(**filters)


def search_shows(language):
    """A search page in `language` (None: every one), with the filter form."""
    keys = [key("search", code) for code in _languages(language)]
    depends_on(*keys)
    listed_experts_shown()
    return keys


def cards_shown(articles):
    """Tell the page cache that the page shows the cards of `articles`: each article,
    the experts of its byline (prefetched as `byline`)."""
    keys = set()
    for article in articles:
        keys.add(key("article", article.pk))
        keys.update(key("expert", authorship.expert_id) for authorship in article.byline)
    depends_on(*keys)


def cards_listed(ids):
    """Tell the page cache that what is being computed lists the cards of the articles
    `ids`, each whether it is still there or its card was left out."""
    depends_on(*(key("article", pk) for pk in ids))


def articles_shown(articles):
    """Tell the page cache that what is being computed holds `articles` (their rows, not
    their bylines)."""
    depends_on(*(key("article", article.pk) for article in articles))


def home_shows(language, home):
    """The home page in `language` (selectors.home_page), besides its articles' cards
    (articles.cards: each names what it shows): its head and its events."""
    list_shows(language=language)
    cards_shown(home["upcoming_events"])


def expert_shows(expert):
    """An expert's profile: the expert, and the head of their work (returned)."""
    depends_on(key("expert", expert.pk))
    return list_shows(author=expert)


def program_shows(program, experts):
    """A program's page: its `experts`, and the head of their work in every language
    (returned; its cards: articles.cards)."""
    listed_experts_shown(experts)
    return list_shows(language=None, program=program)


# --- what a change of an article purges -----------------------------------------------


def changed(pk, before, after, *, placed):
    """The lists a change of the article `pk` purges: `before` and `after` are its
    articles.page_cache.Facts (None when not public, and they differ); `placed`, whether
    it entered, left or moved in lists."""
    public = [facts for facts in (before, after) if facts is not None]
    keys = {key("search", facts.language) for facts in public}
    if not placed:
        return keys
    regions = set()
    for facts in public:
        keys.add(key("list", facts.language))
        keys.add(key("list-type", facts.publication_type_id))
        keys.update(key("list-topic", topic) for topic in facts.topics)
        keys.update(key("list-author", expert) for expert in facts.authors)
        regions.update(facts.regions)
    if regions:  # a region's lists hold the work on the regions nested in it
        tree = Region.objects.tree()
        regions.update(above for region in list(regions) for above in tree.ancestors(region))
    keys.update(key("list-region", region) for region in regions)
    # A topic's or region's features, which may be about something else.
    features = Feature.objects.filter(article_id=pk).values_list("topic", "region")
    for topic, region in features:  # the home page's (neither) are in its language's
        if topic or region:
            keys.add(key("list-topic", topic) if topic else key("list-region", region))
    return keys


class IndexChange:
    """The search index of some work rewritten for a name it holds (an expert's, in
    articles.search.signals; cache_purges.track): the search pages of every language.
    Its tables are the index's: SQLite's table of its own, PostgreSQL's column of the
    articles' rows, so no other write to articles may share its block."""

    def __init__(self, named):
        self.tables = _index_tables

    def changed(self):
        return {key("search", code) for code in _languages(None)}


_index_tables = set()  # register()


def register(index_tables):
    _index_tables.update(index_tables)
