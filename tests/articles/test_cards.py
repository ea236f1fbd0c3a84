"""
Articles' cards kept by the page cache (articles.cards): a list page rendered again
after a purge renders only the cards whose article or byline changed, and reads the
rows of only those; it shows what a fresh render shows; a card is kept per language
and per look; previews and a page cache turned off keep none.
"""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from articles import cards, services
from articles.models import Article
from experts import services as expert_services
from tests.helpers.factories import make_article, make_expert, make_topic
from tests.helpers.page_cache import fetched

pytestmark = pytest.mark.django_db


@pytest.fixture
def rendered(monkeypatch):
    """The pks of the articles whose card was rendered (not taken from what was kept)."""
    pks = []
    shown = cards.cards_shown

    def spy(articles):
        pks.extend(article.pk for article in articles)
        shown(articles)

    monkeypatch.setattr(cards, "cards_shown", spy)
    return pks


@pytest.fixture
def site(db):
    dana, omar = make_expert("Dana Stroul"), make_expert("Omar Haddad")
    gulf = make_topic("Gulf Security")
    return {
        "dana": dana,
        "gulf": gulf,
        "A": make_article("Deterrence in the Gulf", authors=[dana], topics=[gulf]),
        "B": make_article("Naval Patrols", authors=[omar], topics=[gulf]),
        "C": make_article("Tariffs and Ports", authors=[omar]),
        "D": make_article("Hormuz Shipping", published=False, authors=[dana], topics=[gulf]),
    }


def listing(query=""):
    with translation.override("en"):
        return reverse("articles:list") + query


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content


def fresh(client, url):
    with override_settings(PAGE_CACHE_SECONDS=0):
        return page(client, url)


def test_a_list_purged_by_a_publish_renders_only_the_new_card(client, site, editor, rendered):
    body = page(client, listing())
    assert sorted(rendered) == sorted(site[name].pk for name in "ABC")
    assert b"Deterrence in the Gulf" in body
    rendered.clear()
    services.article_publish(fetched(site["D"]), user=editor)
    body = page(client, listing())
    assert rendered == [site["D"].pk]
    assert b"Hormuz Shipping" in body
    assert body == fresh(client, listing())


def test_a_card_is_rendered_once_for_every_page_that_shows_it(client, site, rendered):
    page(client, listing())
    rendered.clear()
    page(client, listing("?page-miss=1"))  # another address: a page miss
    assert rendered == []


@pytest.fixture
def loaded(monkeypatch):
    """The ids of the articles whose rows a list read for its cards, at each read."""
    reads = []
    loader = cards._loader

    def spy(articles):
        load = loader(articles)
        return lambda ids: reads.append(list(ids)) or load(ids)

    monkeypatch.setattr(cards, "_loader", spy)
    return reads


def bylines_read(client, url):
    """The queries of bylines (their prefetch's) a GET of `url` made."""
    with CaptureQueriesContext(connection) as queries:
        page(client, url)
    byline = 'SELECT "articles_articleauthor".'
    return [query for query in queries.captured_queries if query["sql"].startswith(byline)]


@pytest.mark.parametrize(
    "url",
    [
        lambda site: listing(),
        lambda site: site["gulf"].get_absolute_url(),
        lambda site: site["dana"].get_absolute_url(),
    ],
    ids=["listing", "topic", "expert"],
)
def test_a_page_whose_cards_are_kept_reads_no_rows_and_a_publish_reads_one(
    client, site, editor, loaded, url
):
    url = url(site)
    page(client, url)
    assert len(loaded) == 1
    loaded.clear()
    assert bylines_read(client, url + "?page-miss=1") == []  # nor any row
    assert loaded == []
    services.article_publish(fetched(site["D"]), user=editor)  # on each of the pages
    assert len(bylines_read(client, url + "?page-miss=2")) == 1
    assert loaded == [[site["D"].pk]]
    assert b"Hormuz Shipping" in page(client, url + "?page-miss=2")
    assert page(client, url + "?page-miss=3") == fresh(client, url + "?page-miss=3")


def test_a_listing_page_miss_with_its_parts_kept_reads_nothing(client, site):
    """Its count, its page's ids, its cards and its filters' options are all kept:
    the page's ids reach the cards (Paginator's `page_ids`), which read none again."""
    page(client, listing())
    with CaptureQueriesContext(connection) as queries:
        missed = page(client, listing("?page-miss=1"))
    assert queries.captured_queries == []
    assert missed == fresh(client, listing("?page-miss=2"))


@pytest.mark.parametrize(
    "url",
    [lambda site: listing(), lambda site: site["dana"].get_absolute_url()],
    ids=["listing", "expert"],
)
def test_a_list_none_of_whose_cards_changed_is_one_value(client, site, editor, monkeypatch, url):
    """A page miss fetches a list whose cards are all kept as one value, not one a
    card; a change to one of them purges the list, which then fetches its cards (and
    renders that one alone: the tests above)."""
    url = url(site)
    asked = []
    remember_many = cards.remember_many

    def spy(name, things, **kwargs):
        asked.append(name)
        return remember_many(name, things, **kwargs)

    monkeypatch.setattr(cards, "remember_many", spy)
    page(client, url)
    assert asked
    asked.clear()
    page(client, url + "?page-miss=1")
    assert asked == []
    article = fetched(site["A"])
    article.title = "Deterrence in the Strait"
    services.article_save(article, user=editor)
    assert b"Deterrence in the Strait" in page(client, url + "?page-miss=2")
    assert asked and set(asked) == {"card"}  # the list of work's, and the events' too


def test_a_card_whose_article_is_taken_down_after_the_ids_were_read_is_left_out(site):
    """Between the page's ids and the rows of its cards not kept, a take-down leaves
    its card out: what is read of the rows is still only what is published."""
    taken_down = []

    def take_down_after_the_first_query(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not taken_down:
            taken_down.append(sql)
            Article.objects.filter(pk=site["B"].pk).update(status=Article.Status.DRAFT)
        return result

    articles = Article.objects.published().for_listing().newest_first()
    with translation.override("en"), connection.execute_wrapper(take_down_after_the_first_query):
        shown = cards.rendered_cards(articles)
    assert 'AS "pk"' in taken_down[0]  # the ids
    assert len(shown) == 2
    assert not any("Naval Patrols" in card for card in shown)


def test_a_list_that_left_out_a_card_shows_it_when_its_article_is_back(site, editor):
    """A list kept without the card of an article taken down between its ids and its
    rows (a take-down purges only the keys of what showed it) names that article
    still: its return, at the same place, ends the list."""
    queries = []

    def take_down_before_the_rows_are_read(execute, sql, params, many, context):
        queries.append(sql)
        if len(queries) == 2:  # the ids were read (all of them: SQLite reads lazily)
            services.article_unpublish(fetched(site["B"]), user=editor)
        return execute(sql, params, many, context)

    def listed():
        with translation.override("en"):
            return cards.rendered_cards(Article.objects.published().for_listing().newest_first())

    def ids():
        return list(Article.objects.published().newest_first().values_list("pk", flat=True))

    before = ids()
    with connection.execute_wrapper(take_down_before_the_rows_are_read):
        assert not any("Naval Patrols" in card for card in listed())
    assert 'AS "pk"' in queries[0]
    back = fetched(site["B"])
    services.article_publish(back, user=editor, at=site["B"].published_at)
    assert ids() == before  # its place: the list has the name it was kept under
    assert any("Naval Patrols" in card for card in listed())


def rendered_after(client, rendered, write):
    """The listing after `write()`, which it showed before, and the pks of the cards it
    rendered again; the page is what a fresh render shows."""
    page(client, listing())
    rendered.clear()
    write()
    body, again = page(client, listing()), list(rendered)
    assert body == fresh(client, listing())
    return body, again


def test_an_author_renamed_renders_their_cards_again_and_no_other(
    client, site, expert_manager, rendered
):
    dana = site["dana"]
    dana.name = "Dana Stroul-Haddad"
    body, again = rendered_after(
        client, rendered, lambda: expert_services.expert_save(dana, user=expert_manager)
    )
    assert again == [site["A"].pk]
    assert b"Dana Stroul-Haddad" in body


def test_an_article_edited_renders_its_card_again(client, site, editor, rendered):
    article = fetched(site["B"])
    article.title = "Naval Patrols in the Strait"
    body, again = rendered_after(
        client, rendered, lambda: services.article_save(article, user=editor)
    )
    assert again == [site["B"].pk]
    assert b"Naval Patrols in the Strait" in body


def test_each_language_and_each_look_keeps_its_own_card(client, site, rendered):
    """An English card on an Arabic page carries lang and dir, and the home page's
    card has no type: neither is the listing's English card."""
    english = page(client, listing())
    rendered.clear()
    with translation.override("ar"):
        arabic_url = reverse("articles:list") + "?language=all"
    arabic = page(client, arabic_url)
    assert sorted(rendered) == sorted(site[name].pk for name in "ABC")
    assert b'lang="en" dir="ltr">Deterrence in the Gulf' in arabic
    assert b'lang="en"' not in english.split(b'class="article-list"')[1]
    assert arabic == fresh(client, arabic_url)


def test_with_the_page_cache_off_no_card_is_kept(client, site, rendered, settings):
    settings.PAGE_CACHE_SECONDS = 0
    page(client, listing())
    page(client, listing())
    assert sorted(rendered) == sorted(site[name].pk for name in "ABC" for _ in range(2))


def test_a_preview_keeps_no_card(client, site, editor, rendered):
    """A staff preview renders its sidebar's cards each time, and keeps none."""
    client.force_login(editor)
    url = reverse("article-preview", kwargs={"pk": site["D"].pk})
    assert client.get(url).status_code == 200
    first = list(rendered)
    assert site["A"].pk in first  # the draft's sidebar: A shares its author and topic
    assert client.get(url).status_code == 200
    assert rendered == first * 2
