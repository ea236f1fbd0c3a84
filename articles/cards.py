"""
Articles' cards (templates/includes/article_card.html) as lists show them, each kept
by the page cache until its article or an expert of its byline changes, and each list
of them as a whole until one of its cards does: a list rendered again after a purge
renders only the cards that changed, and reads the rows of only those
(docs/page-cache.md, "Cards").
"""

from django.db.models import QuerySet
from django.template.loader import get_template
from django.utils.translation import get_language

from articles.list_cache import cards_listed, cards_shown
from articles.selectors import with_bylines
from thinktank.cache import is_on, remember, remember_many
from thinktank.pagination import KeptRows, in_order

CARD_TEMPLATE = "includes/article_card.html"


def rendered_cards(articles, *, heading_level=2, show_summary=False, hide_type=False, keep=True):
    """The HTML of the card of each of `articles` in the active language, those kept
    fetched in one round trip. `articles`: a list (the bylines not prefetched as
    `byline` are read for the cards not kept), or a queryset of them, of which only the
    ids are read while the page cache is on (none for a page whose ids were kept), and
    the rows of the cards not kept (a card whose article has gone since is left out),
    or thinktank.pagination.KeptRows, of which only those rows are read.
    `keep=False` (a preview) renders each and keeps nothing."""
    language = get_language()
    options = {"heading_level": heading_level, "show_summary": show_summary, "hide_type": hide_type}
    template = get_template(CARD_TEMPLATE)

    def render(article):
        if article is None:
            return None
        cards_shown([article])
        return template.render({"article": article, "LANGUAGE_CODE": language, **options})

    def parts(pk):
        return (pk, language, *options.values())

    if not keep:
        return [render(article) for article in with_bylines(list(articles))]
    if isinstance(articles, KeptRows | QuerySet) and is_on():
        ids = getattr(articles, "page_ids", None)  # a page's kept ids (thinktank.pagination)
        if ids is None:
            ids = list(articles.values_list("pk", flat=True))
        load = _loader(articles)

        def each():
            # A card left out (its article gone since the ids were read) is named too:
            # the list must end when that article is back.
            cards_listed(ids)
            cards = remember_many("card", ids, parts=parts, compute=render, load=load)
            return [card for card in cards if card is not None]

    else:
        articles = list(articles)
        ids = [article.pk for article in articles]

        def each():
            return remember_many(
                "card", articles, parts=lambda article: parts(article.pk), compute=render,
                load=with_bylines,
            )  # fmt: skip

    if not ids:  # kept, it would name nothing: depend on every purge (ANY)
        return []
    # The list is kept too, with what its cards show: a page miss of a list none of
    # whose cards changed fetches one value, not one a card.
    return remember("cards", (tuple(ids), language, *options.values()), each)


def _loader(articles):
    """Of the ids of some of `articles` (a queryset or KeptRows), those articles, in
    order (None for one no longer in it), in one query and their prefetches."""
    if isinstance(articles, KeptRows):
        return articles.load

    def load(ids):
        return in_order(articles if articles.query.is_sliced else articles.filter(pk__in=ids), ids)

    return load
