"""
Articles' cards (templates/includes/article_card.html) as lists show them, each kept
by the page cache until its article or an expert of its byline changes: a list
rendered again after a purge renders only the cards that changed (docs/page-cache.md,
"Cards").
"""

from django.template.loader import get_template
from django.utils.translation import get_language

from articles.list_cache import cards_shown
from thinktank.cache import remember_many

CARD_TEMPLATE = "includes/article_card.html"


def rendered_cards(articles, *, heading_level=2, show_summary=False, hide_type=False, keep=True):
    """The HTML of the card of each of `articles` (bylines prefetched as `byline`) in
    the active language, those kept fetched in one round trip. `keep=False` (a
    preview) renders each and keeps nothing."""
    language = get_language()
    options = {"heading_level": heading_level, "show_summary": show_summary, "hide_type": hide_type}
    template = get_template(CARD_TEMPLATE)

    def render(article):
        cards_shown([article])
        return template.render({"article": article, "LANGUAGE_CODE": language, **options})

    if not keep:
        return [render(article) for article in articles]
    return remember_many(
        "card",
        list(articles),
        parts=lambda article: (article.pk, language, *options.values()),
        compute=render,
    )
