"""
The "Recommended" sidebar: the editors' recommendations first, in order, then related published
work up to three, scored by shared authors, topics and regions, recent work and the
page's language first; never the article itself, its translations, drafts or
scheduled work.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import recommendations
from tests.helpers.budgets import count_queries
from tests.helpers.factories import (
    add_recommendations,
    days_ago,
    make_article,
    make_expert,
    make_region,
    make_topic,
)
from tests.helpers.htmlpage import parse

pytestmark = pytest.mark.django_db


def sidebar_titles(client, article):
    page = parse(client.get(article.get_absolute_url()))
    section = page.find_all("section", aria_labelledby="recommended")
    if not section:
        return []
    return [card.find("a").text for card in section[0].find_all(cls="card")]


def test_recommendations_come_first_in_their_order_then_related_work_fills_to_three(client):
    topic = make_topic()
    first_recommended, second_recommended = (
        make_article("Recommended one"),
        make_article("Recommended two"),
    )
    make_article("Related", topics=[topic])
    article = make_article(
        "Subject", topics=[topic], recommendations=[second_recommended, first_recommended]
    )
    assert sidebar_titles(client, article) == ["Recommended two", "Recommended one", "Related"]


def test_enough_recommendations_leave_no_room_for_related_work(client):
    topic = make_topic()
    recommended = [make_article(f"Recommended {index}") for index in range(4)]
    make_article("Related", topics=[topic])
    article = make_article("Subject", topics=[topic], recommendations=recommended)
    assert sidebar_titles(client, article) == [f"Recommended {index}" for index in range(4)]


def test_shared_authors_weigh_more_than_topics_and_topics_more_than_regions(client):
    expert, topic, region = make_expert(), make_topic(), make_region()
    article = make_article("Subject", authors=[expert], topics=[topic], regions=[region])
    # Published in the order that would win if dates decided.
    make_article("Same author", authors=[expert], published_at=days_ago(30))
    make_article("Same topic", topics=[topic], published_at=days_ago(20))
    make_article("Same region", regions=[region], published_at=days_ago(10))
    make_article("Unrelated", published_at=days_ago(1))
    assert sidebar_titles(client, article) == ["Same author", "Same topic", "Same region"]


def test_more_shared_things_rank_higher(client):
    first_topic, second_topic = make_topic(), make_topic()
    article = make_article("Subject", topics=[first_topic, second_topic])
    make_article("One topic", topics=[first_topic], published_at=days_ago(2))
    make_article("Both topics", topics=[first_topic, second_topic], published_at=days_ago(50))
    assert sidebar_titles(client, article)[:2] == ["Both topics", "One topic"]


def test_recent_work_is_favoured(client):
    topic = make_topic()
    article = make_article("Subject", topics=[topic])
    make_article("Three years old", topics=[topic], published_at=days_ago(3 * 365))
    make_article("Last month", topics=[topic], published_at=days_ago(30))
    make_article("Two years old", topics=[topic], published_at=days_ago(2 * 365))
    assert sidebar_titles(client, article) == ["Last month", "Two years old", "Three years old"]


def test_recency_makes_up_for_one_shared_region(client):
    expert, region = make_expert(), make_region()
    article = make_article("Subject", authors=[expert], regions=[region])
    # Old: author + region = 4. New: author alone + recency = 4; older loses the tie on date.
    make_article("Old, author and region", authors=[expert], regions=[region],
                 published_at=days_ago(800))  # fmt: skip
    make_article("New, author only", authors=[expert], published_at=days_ago(5))
    assert sidebar_titles(client, article)[:2] == ["New, author only", "Old, author and region"]


def test_never_itself_its_translations_drafts_or_scheduled_work(client):
    topic = make_topic()
    article = make_article("Subject", topics=[topic])
    make_article("Its Arabic version", language="ar", translation_of=article, topics=[topic])
    make_article("A draft", topics=[topic], published=False)
    make_article("Scheduled", topics=[topic], published_at=timezone.now() + timedelta(days=2))
    make_article("Published", topics=[topic])
    assert sidebar_titles(client, article) == ["Published"]


def test_work_going_live_joins_sidebars_of_a_shape_compiled_before(client, clock):
    topic = make_topic()
    first = make_article("First", topics=[topic])
    make_article("Scheduled", topics=[topic], published_at=timezone.now() + timedelta(hours=1))
    assert sidebar_titles(client, first) == []
    clock(hours=2)
    second = make_article("Second", topics=[topic])  # the first's shape: one topic, no author
    assert "Scheduled" in sidebar_titles(client, second)
    assert "Scheduled" in sidebar_titles(client, first)


def test_unpublished_recommendations_are_skipped_and_their_place_filled(client):
    topic = make_topic()
    draft_recommended = make_article("Draft recommended", published=False)
    make_article("Related", topics=[topic])
    article = make_article("Subject", topics=[topic], recommendations=[draft_recommended])
    assert sidebar_titles(client, article) == ["Related"]


def test_a_recommendation_is_not_repeated_by_the_fill(client):
    topic = make_topic()
    recommended = make_article("Recommended", topics=[topic])
    make_article("Other", topics=[topic])
    article = make_article("Subject", topics=[topic], recommendations=[recommended])
    assert sidebar_titles(client, article) == ["Recommended", "Other"]


def test_work_in_the_pages_language_comes_first(client):
    topic = make_topic()
    article = make_article("موضوع", slug="mawdu", language="ar", topics=[topic])
    make_article("English, same topic, newer", topics=[topic], published_at=days_ago(1))
    make_article("عربي", slug="arabi", language="ar", topics=[topic], published_at=days_ago(9))
    assert sidebar_titles(client, article) == ["عربي", "English, same topic, newer"]


def test_other_languages_fill_when_the_pages_language_has_nothing_related(client):
    topic = make_topic()
    article = make_article("موضوع", slug="mawdu-2", language="ar", topics=[topic])
    make_article("English only", topics=[topic])
    assert sidebar_titles(client, article) == ["English only"]


def test_nothing_related_means_no_sidebar(client):
    article = make_article("Alone", topics=[make_topic()])
    make_article("Unrelated")
    assert sidebar_titles(client, article) == []


def test_related_work_is_bounded_by_the_sidebars_size(client):
    topic = make_topic()
    article = make_article("Subject", topics=[topic])
    for index in range(8):
        make_article(f"Related {index}", topics=[topic])
    assert len(sidebar_titles(client, article)) == recommendations.SIDEBAR_SIZE == 3


def test_query_count_does_not_grow_with_the_archive(client):
    topic, expert = make_topic(), make_expert()
    article = make_article("Subject", topics=[topic], authors=[expert])
    make_article("Related 0", topics=[topic])
    small, _response = count_queries(client, article.get_absolute_url())
    for index in range(40):
        make_article(f"More {index}", topics=[topic], authors=[expert] if index % 2 else [])
    large, _response = count_queries(client, article.get_absolute_url())
    assert small == large


# --- the bound: candidates are the latest work sharing each kind of link ------------------


@pytest.fixture
def few_candidates(monkeypatch):
    """The bound at its smallest (the sidebar's size), so small data reaches it."""
    monkeypatch.setattr(recommendations, "CANDIDATES", recommendations.SIDEBAR_SIZE)


def test_an_old_piece_sharing_an_author_beats_a_recent_one_sharing_a_region(client):
    expert, region = make_expert(), make_region()
    article = make_article("Subject", authors=[expert], regions=[region])
    make_article("Recent, same region", regions=[region], published_at=days_ago(5))
    make_article("Old, same author", authors=[expert], published_at=days_ago(800))
    assert sidebar_titles(client, article) == ["Old, same author", "Recent, same region"]


def test_past_the_bound_newer_work_on_the_same_link_fills_the_sidebar(client, few_candidates):
    expert, region = make_expert(), make_region()
    article = make_article("Subject", authors=[expert], regions=[region])
    make_article("Old, same author", authors=[expert], published_at=days_ago(800))
    for index in range(3):
        make_article(
            f"Newer, same author {index}", authors=[expert], published_at=days_ago(10 + index)
        )
    make_article("Recent, same region", regions=[region], published_at=days_ago(5))
    # The old piece is not among the author's three latest, which all outrank the region.
    assert sidebar_titles(client, article) == [f"Newer, same author {index}" for index in range(3)]


def test_an_older_piece_past_the_bound_is_not_a_candidate(client, few_candidates):
    first_topic, second_topic = make_topic(), make_topic()
    article = make_article("Subject", topics=[first_topic, second_topic])
    make_article("Old, both topics", topics=[first_topic, second_topic], published_at=days_ago(400))
    for index in range(3):
        make_article(
            f"Newer, one topic {index}", topics=[first_topic], published_at=days_ago(index + 1)
        )
    # Without the bound the old piece (4) would beat the newer ones (2 + 1 for the year).
    assert "Old, both topics" not in sidebar_titles(client, article)


def test_the_pages_language_comes_first_past_the_bound(client, few_candidates):
    topic = make_topic()
    article = make_article("موضوع", slug="mawdu-3", language="ar", topics=[topic])
    for index in range(5):
        make_article(f"English {index}", topics=[topic], published_at=days_ago(index + 1))
    make_article("عربي قديم", slug="arabi-qadim", language="ar", topics=[topic],
                 published_at=days_ago(900))  # fmt: skip
    assert sidebar_titles(client, article) == ["عربي قديم", "English 0", "English 1"]


def test_recommendations_and_translations_do_not_use_up_the_candidates(client, few_candidates):
    topic = make_topic()
    article = make_article("Subject", topics=[topic])
    make_article("Its Arabic version", language="ar", translation_of=article, topics=[topic],
                 published_at=days_ago(1))  # fmt: skip
    recommended = [
        make_article(f"Recommended {index}", topics=[topic], published_at=days_ago(2 + index))
        for index in range(2)
    ]
    add_recommendations(article, recommended)
    for index in range(3):
        make_article(f"Related {index}", topics=[topic], published_at=days_ago(10 + index))
    assert sidebar_titles(client, article) == ["Recommended 0", "Recommended 1", "Related 0"]
