"""
Which published work can enter an article's related work (articles.recommendations),
as page cache keys: a page names the sets of its links a newcomer would have to share
to rank at or above its last card, and a newcomer purges the sets of its own links.
So a publish re-renders the pages whose sidebar it may enter, not every page sharing a
topic with it. See docs/page-cache.md, "The sidebar".
"""

from itertools import combinations

from articles.recommendations import (
    AUTHOR_WEIGHT,
    RECENT_BONUS,
    REGION_WEIGHT,
    SIDEBAR_SIZE,
    TOPIC_WEIGHT,
)
from thinktank.cache import key

MOST_SHARED = 3  # a key names at most this many links
MOST_LINKS = 12  # past this many links, a page names single links, a newcomer purges all
ANY_LANGUAGE = "*"


def links_of(*, authors, topics, regions):
    """An article's links as {name: weight}: "a12" (an author), "t3", "r5"."""
    kinds = (
        ("a", authors, AUTHOR_WEIGHT),
        ("t", topics, TOPIC_WEIGHT),
        ("r", regions, REGION_WEIGHT),
    )
    return {f"{letter}{pk}": weight for letter, ids, weight in kinds for pk in ids}


def _key(language, names):
    return key("related", f"{language}:{'+'.join(sorted(names))}")


def newcomer_keys(links, language):
    """What a published article with `links` in `language` purges: every set of at most
    MOST_SHARED of its links, in its language and in any; None when it has too many
    links to say (then everything is purged)."""
    if len(links) > MOST_LINKS:
        return None
    return {
        _key(tongue, names)
        for size in range(1, MOST_SHARED + 1)
        for names in combinations(links, size)
        for tongue in (language, ANY_LANGUAGE)
    }


def sidebar_keys(links, *, language, cards):
    """
    What a page whose sidebar shows `cards` (recommendations.sidebar) with related work
    drawn from `links` names: nothing when recommendations fill it; every link while
    related work has room; else what beats its last related card. A newcomer beats it
    when it ranks first by language, or when its score (the weights of the links it
    shares, plus RECENT_BONUS at most) reaches the card's: ties count as beaten.
    """
    related = [card for card in cards if card.recommendation_position is None]
    room = SIDEBAR_SIZE - (len(cards) - len(related))
    if room <= 0:
        return set()
    if len(related) < room:
        return _single(links, ANY_LANGUAGE)
    last = related[-1]
    needed = last.relatedness - RECENT_BONUS
    if last.other_language:  # any newcomer in the page's language beats it
        return _single(links, language) | _shared(links, ANY_LANGUAGE, needed)
    return _shared(links, language, needed)


def _single(links, language):
    return {_key(language, [name]) for name in links}


def _shared(links, language, needed):
    """The smallest sets of at most MOST_SHARED `links` that a newcomer scoring `needed`
    shares one of. A larger shared set is named by its MOST_SHARED heaviest links (by
    weight, then name: an order both sides share)."""
    if len(links) > MOST_LINKS:
        return _single(links, language)
    heaviest = sorted(links, key=lambda name: (-links[name], name))
    weights = [links[name] for name in heaviest]
    named = []
    for size in range(1, MOST_SHARED + 1):
        for places in combinations(range(len(heaviest)), size):
            if any(smaller <= set(places) for smaller in named):
                continue
            weight = sum(weights[place] for place in places)
            if size == MOST_SHARED:  # and every lighter link, shared too
                weight += sum(weights[places[-1] + 1 :])
            if weight >= needed:
                named.append(set(places))
    return {_key(language, [heaviest[place] for place in places]) for places in named}
