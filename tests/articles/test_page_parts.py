"""
The parts of an article page the page cache remembers (page_selectors.article_for_page): the
article, its sidebar and its byline, each until what it shows changes. A page purged
for one part renders the others from what was kept, and shows what a fresh render
shows.
"""

from datetime import timedelta
from functools import partial

import pytest
from django.utils import timezone

from articles import services, taxonomy_services
from articles.models import Feature
from experts import services as expert_services
from tests.helpers.adminforms import change_url, form_data
from tests.helpers.page_cache import (
    changed_on,
    fetched,
    fresh,
    related_pieces,
    rendered,
    round_trips,
    warm,
)
from thinktank.cache_hints import hints

pytestmark = pytest.mark.django_db

SIDEBAR_QUERY = "own_language"  # the sidebar's one query (recommendations._candidates)
ARTICLE_QUERY = "articles_document"  # a prefetch of the article's own read (for_page)
ARTICLE_LOOKUP = "sidebar_recommended_ids"  # the article's own read, found or not


@pytest.fixture
def site(db):
    site = related_pieces()
    site["dana"] = site["A"].authors.get()
    return site


def test_a_page_purged_for_its_sidebar_renders_the_article_from_what_was_kept(client, site, editor):
    url = site["A"].get_absolute_url()
    status, _body, cold = rendered(client, url)
    assert status == 200 and SIDEBAR_QUERY in cold and ARTICLE_QUERY in cold
    warm(client, url)
    services.article_publish(fetched(site["D"]), user=editor)  # Dana's, on the Gulf
    status, body, sql = rendered(client, url)
    assert SIDEBAR_QUERY in sql and ARTICLE_QUERY not in sql
    assert b"Hormuz Shipping" in body
    assert (status, body) == fresh(client, url)


def test_a_page_purged_for_its_byline_renders_both_parts_from_what_was_kept(
    client, site, expert_manager
):
    save = partial(expert_services.expert_save, user=expert_manager)
    url = site["A"].get_absolute_url()
    sql = changed_on(client, url, site["dana"], save, name="Dana Stroul-Haddad")
    assert ARTICLE_QUERY not in sql and SIDEBAR_QUERY not in sql


def test_a_page_miss_with_its_parts_kept_reads_nothing(client, site):
    url = site["A"].get_absolute_url()
    warm(client, url)
    status, body, sql = rendered(client, f"{url}?page-miss=1")
    assert sql == ""
    assert b"Dana Stroul" in body  # the byline, and "About the authors"
    assert (status, body) == fresh(client, f"{url}?page-miss=1")


def test_a_page_miss_asks_the_cache_once_for_what_its_address_asked_last(client, site):
    """What the address's last render in this process asked for (thinktank.cache_hints)."""
    url = site["A"].get_absolute_url()
    warm(client, url)
    with round_trips() as calls:
        client.get(f"{url}?page-miss=1")
    assert calls == ["fetch_or_start", "fetch_many", "keep_many"]


def test_a_first_page_miss_here_asks_the_cache_once_for_each_step(client, site):
    url = site["A"].get_absolute_url()
    warm(client, url)
    hints.clear()  # as in another process
    with round_trips() as calls:
        client.get(f"{url}?page-miss=1")
    assert calls == [
        "fetch_or_start",  # the page, else its start
        "fetch_many",  # what is at the address: an article, else a topic or a region
        "fetch_many",  # the article's sidebar and byline
        "fetch_many",  # the inside of its <article>
        "fetch_many",  # the sidebar's cards
        "keep_many",  # the page
    ]


def test_an_author_added_in_the_admin_shows_on_the_page_at_once(client, admin_client, site):
    url, article = site["A"].get_absolute_url(), site["A"]
    warm(client, url)
    omar = site["B"].authors.get()
    authorship = article.authorships.get()
    data = form_data(
        article,
        topics=[str(site["topic"].pk)],
        **{
            "authorships-TOTAL_FORMS": "2",
            "authorships-INITIAL_FORMS": "1",
            "authorships-0-id": str(authorship.pk),
            "authorships-0-article": str(article.pk),
            "authorships-0-expert": str(site["dana"].pk),
            "authorships-0-position": "0",
            "authorships-1-article": str(article.pk),
            "authorships-1-expert": str(omar.pk),
            "authorships-1-position": "1",
        },
    )
    assert admin_client.post(change_url(article), data).status_code == 302
    status, body, _sql = rendered(client, url)
    assert b"Omar Haddad" in body
    assert (status, body) == fresh(client, url)


def test_a_takedown_ends_both_parts_at_once(client, site, editor):
    url, neighbour = site["A"].get_absolute_url(), site["B"].get_absolute_url()
    warm(client, url, neighbour)
    assert b"Deterrence in the Gulf" in client.get(neighbour).content
    services.article_unpublish(fetched(site["A"]), user=editor)
    assert client.get(url).status_code == 404
    status, body, _sql = rendered(client, neighbour)
    assert b"Deterrence in the Gulf" not in body
    assert (status, body) == fresh(client, neighbour)


def publish_there(draft, published, editor, clock):
    services.article_publish(draft, user=editor)


def move_a_published_piece_there(draft, published, editor, clock):
    slug = draft.slug
    draft.slug = f"{slug}-draft"
    services.article_save(draft, user=editor)
    published.slug = slug
    services.article_save(published, user=editor)


def schedule_there(draft, published, editor, clock):
    services.article_publish(draft, user=editor, at=timezone.now() + timedelta(minutes=30))
    clock(hours=1)


@pytest.mark.parametrize("way", [publish_there, move_a_published_piece_there, schedule_there])
def test_an_address_kept_as_having_no_article_shows_one_at_once(client, site, editor, clock, way):
    """That a slug has no article is remembered (a topic's page does not look for one at
    every render) until an article is public there, however it came."""
    draft = fetched(site["D"])
    url = draft.get_absolute_url()
    assert client.get(url).status_code == 404
    status, _body, sql = rendered(client, url + "?again=1")
    assert status == 404 and ARTICLE_LOOKUP not in sql  # remembered
    way(draft, fetched(site["C"]), editor, clock)
    status, body, _sql = rendered(client, url)
    assert status == 200 and body == fresh(client, url)[1]
    assert (b"Hormuz Shipping" if way is not move_a_published_piece_there else b"Tariffs") in body


def test_a_topic_page_miss_with_its_parts_kept_reads_nothing(client, site, editor):
    """Not the article at its address, nor the topic, nor its features."""
    Feature.objects.create(topic=site["topic"], article=site["B"])
    url = site["topic"].get_absolute_url()
    status, _body, cold = rendered(client, url)
    assert status == 200 and ARTICLE_LOOKUP in cold
    status, body, sql = rendered(client, url + "?page-miss=1")
    assert sql == ""
    assert (status, body) == fresh(client, url + "?page-miss=1")
    elsewhere = site["C"]  # a write of work on another topic purges its keys only
    elsewhere.title = "Tariffs and Ports, revised"
    services.article_save(elsewhere, user=editor)
    assert '"articles_topic"' not in rendered(client, url + "?page-miss=2")[2]


def test_a_topic_renamed_shows_on_its_page_at_once(client, site, editor):
    save = partial(taxonomy_services.topic_or_region_save, user=editor)
    url = site["topic"].get_absolute_url()
    changed_on(client, url, site["topic"], save, name="Gulf and Red Sea")
