"""
The expert profile's queries: the same for 5 publications as for 500, and within the
budget on a later page and with a type filter.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, ArticleAuthor, TranslationSet
from articles.views.experts import PAGE_SIZE
from experts.models import ExpertLink
from tests.helpers.budgets import page_queries
from tests.helpers.expert_profile import publications
from tests.helpers.factories import (
    days_ago,
    in_future,
    make_article,
    make_event,
    make_expert,
    make_guest,
    make_program,
    make_publication_type,
    make_region,
    make_topic,
)

pytestmark = pytest.mark.django_db


# --- queries --------------------------------------------------------------------------------------


def bulk_publications(expert, count, *, language="en"):
    """`count` published pieces by `expert` (and a co-author), made in a few queries."""
    now = timezone.now()
    publication_type = make_publication_type()
    co_author = make_expert()
    sets = TranslationSet.objects.bulk_create(TranslationSet() for _ in range(count))
    articles = Article.objects.bulk_create(
        Article(
            title=f"Bulk {expert.slug} {language} {index}",
            slug=f"bulk-{expert.slug}-{language}-{index}",
            language=language,
            translation_set=translation_set,
            publication_type=publication_type,
            summary="A summary.",
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(hours=index + 1),
        )
        for index, translation_set in enumerate(sets)
    )
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=article, expert=author, position=position)
        for article in articles
        for position, author in enumerate([expert, co_author])
    )


# On an empty page cache: the expert and program, topics, regions and links, the
# publication types, the count, the page's ids (kept as the count is), which of them
# are public (to fetch their kept cards: articles.cards), then the rows of the cards not
# kept and their bylines; the events' ids (kept as the page's are), and the rows of each
# list of events and their bylines.
PROFILE_BUDGET = 14


def build_profile(slug, publications):
    program = make_program()
    expert = make_expert(slug, slug=slug, program=program, role="Fellow", photo=True)
    expert.topics.add(make_topic(), make_topic())
    expert.regions.add(make_region())
    ExpertLink.objects.create(expert=expert, url="https://example.org/a")
    bulk_publications(expert, publications)
    bulk_publications(expert, 2, language="ar")
    make_article(authors=[expert], publication_type=make_publication_type("Op-Ed"))
    make_event(authors=[expert, make_guest()], start=in_future(5))
    make_event(authors=[expert], start=days_ago(5))
    return expert


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_profile_queries_are_the_same_for_5_and_500_publications(
    client, prefix, django_assert_max_num_queries
):
    few = build_profile("few-pieces", 5)
    many = build_profile("many-pieces", 500)
    assert Article.objects.published().by_author(many).count() == 505
    with django_assert_max_num_queries(PROFILE_BUDGET):
        few_count, few_page = page_queries(
            client, f"{prefix}/experts/{few.slug}", clear_cache=False
        )
    with django_assert_max_num_queries(PROFILE_BUDGET):
        many_count, many_page = page_queries(
            client, f"{prefix}/experts/{many.slug}", clear_cache=False
        )
    # Both pages really show what was counted.
    assert len(publications(few_page)) == 8
    assert len(publications(many_page)) == PAGE_SIZE
    for page in (few_page, many_page):
        assert len(page.find_all("section", aria_labelledby="events")[0].find_all("article")) == 2
        assert len(page.find("nav", cls="type-filter").links()) == 2
    assert many_page.find("nav", cls="pagination")
    assert few_count == many_count


def test_second_page_and_type_filter_queries_are_within_budget(
    client, django_assert_max_num_queries
):
    many = build_profile("many-pieces", 500)
    with django_assert_max_num_queries(PROFILE_BUDGET):
        count_page, page = page_queries(client, f"/experts/{many.slug}?page=7", clear_cache=False)
    assert len(publications(page)) == PAGE_SIZE
    with django_assert_max_num_queries(PROFILE_BUDGET):
        count_type, page = page_queries(
            client, f"/experts/{many.slug}?type=op-ed", clear_cache=False
        )
    assert len(publications(page)) == 1
