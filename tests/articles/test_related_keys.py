"""
The keys of an article's related work (articles.related_keys): a newcomer that would
rank at or above a page's last related card purges one of the keys the page names,
whatever the links, weights and languages; one that shares nothing purges none.
"""

from types import SimpleNamespace

from hypothesis import example, given, settings
from hypothesis import strategies as st

from articles.recommendations import RECENT_BONUS, SIDEBAR_SIZE
from articles.related_keys import MOST_LINKS, links_of, newcomer_keys, sidebar_keys

LANGUAGES = ("en", "ar", "fa")

ids = st.sets(st.integers(1, 6), max_size=4)
link_sets = st.builds(
    lambda authors, topics, regions: links_of(authors=authors, topics=topics, regions=regions),
    ids,
    ids,
    ids,
)


def card(relatedness=0, other_language=False, recommended=False):
    return SimpleNamespace(
        relatedness=relatedness,
        other_language=other_language,
        recommendation_position=1 if recommended else None,
    )


@st.composite
def sidebars(draw):
    """A sidebar's cards: some recommendations, then related work ranked as
    recommendations.sidebar ranks it (same language first, then by score)."""
    recommended = draw(st.integers(0, SIDEBAR_SIZE))
    related = draw(st.integers(0, SIDEBAR_SIZE - recommended))
    ranks = draw(
        st.lists(st.tuples(st.booleans(), st.integers(1, 16)), min_size=related, max_size=related)
    )
    ranks.sort(key=lambda rank: (rank[0], -rank[1]))
    return [card(recommended=True) for _ in range(recommended)] + [
        card(score, other) for other, score in ranks
    ]


def score(page, newcomer, *, recent):
    return sum(page[name] for name in set(page) & set(newcomer)) + (RECENT_BONUS if recent else 0)


def enters(page, language, cards, newcomer, newcomer_language, *, recent):
    """Whether the newcomer changes the sidebar: it shares a link, there is room for
    related work, and it ranks at or above the last related card."""
    related = [shown for shown in cards if shown.recommendation_position is None]
    room = SIDEBAR_SIZE - (len(cards) - len(related))
    if room <= 0 or not set(page) & set(newcomer):
        return False
    if len(related) < room:
        return True
    last, other = related[-1], newcomer_language != language
    if other != last.other_language:
        return not other
    return score(page, newcomer, recent=recent) >= last.relatedness


@settings(max_examples=600)
@given(
    page=link_sets,
    newcomer=link_sets,
    language=st.sampled_from(LANGUAGES),
    newcomer_language=st.sampled_from(LANGUAGES),
    cards=sidebars(),
    recent=st.booleans(),
)
@example(  # beaten only by sharing four links: named by the heaviest three
    page=links_of(authors=[], topics=[1, 2, 3, 4], regions=[]),
    newcomer=links_of(authors=[], topics=[1, 2, 3, 4], regions=[]),
    language="en",
    newcomer_language="en",
    cards=[card(8)] * SIDEBAR_SIZE,
    recent=False,
)
def test_a_newcomer_that_enters_purges_the_page_and_one_sharing_nothing_does_not(
    page, newcomer, language, newcomer_language, cards, recent
):
    named = sidebar_keys(page, language=language, cards=cards)
    purged = newcomer_keys(newcomer, newcomer_language)
    if enters(page, language, cards, newcomer, newcomer_language, recent=recent):
        assert named & purged
    if not set(page) & set(newcomer):
        assert not named & purged


def test_a_page_names_what_could_beat_its_last_card_and_no_more():
    page = links_of(authors=[1], topics=[2, 3], regions=[4])
    strong = [card(8), card(8), card(7)]  # the last shares an author and a topic, recent
    named = sidebar_keys(page, language="en", cards=strong)
    # Needed: 6 of the weights. An author and a topic (5) are not enough; with a region
    # or the other topic they are; two topics and a region are not (5).
    assert named == {"related:en:a1+t2+t3", "related:en:a1+r4+t2", "related:en:a1+r4+t3"}
    assert not named & newcomer_keys(links_of(authors=[1], topics=[2], regions=[]), "en")
    assert named & newcomer_keys(links_of(authors=[1], topics=[2], regions=[4, 9]), "en")
    assert not named & newcomer_keys(links_of(authors=[1], topics=[2, 3], regions=[4]), "ar")


def test_room_for_related_work_names_every_link_in_any_language():
    page = links_of(authors=[1], topics=[2], regions=[])
    named = sidebar_keys(page, language="en", cards=[card(9)])
    assert named == {"related:*:a1", "related:*:t2"}
    assert not sidebar_keys(page, language="en", cards=[card(recommended=True)] * SIDEBAR_SIZE)


def test_too_many_links_to_name_precisely():
    crowded = links_of(authors=range(MOST_LINKS), topics=[1], regions=[])
    assert newcomer_keys(crowded, "en") is None
    named = sidebar_keys(crowded, language="en", cards=[card(30)] * SIDEBAR_SIZE)
    assert named == {f"related:en:{name}" for name in crowded}
