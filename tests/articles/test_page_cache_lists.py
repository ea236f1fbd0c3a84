"""
What the lists name and what purges them (articles.list_cache, experts.page_cache): a
change of a public article purges the lists showing its card, and when it enters,
leaves or moves in lists, those lists, before and after; no other list. A draft saved
purges none.
"""

import pytest
from django.test import override_settings

from articles import services
from articles.models import Feature
from experts import services as expert_services
from tests.helpers.factories import (
    make_article,
    make_program,
    make_region,
    make_translation,
)
from tests.helpers.page_cache import fetched, kept, related_pieces, text, warm

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    """related_pieces(), A with an Arabic version, and A's author's and topic's pages."""
    site = related_pieces()
    make_translation(site["A"], "ar", title="الردع في الخليج")
    site["dana"], site["omar"] = site["A"].authors.get(), site["B"].authors.get()
    site["trade"] = site["C"].topics.get()
    return site


def lists(site):
    """Every kind of list, by what it is narrowed to."""
    gulf, trade, dana, omar = site["topic"], site["trade"], site["dana"], site["omar"]
    return {
        "home": "/",
        "listing": "/policy-analysis",
        "events": "/events",
        "latest feed": "/feeds/latest.rss",
        "search": "/search?q=ports",
        "gulf": gulf.get_absolute_url(),
        "gulf listing": f"/policy-analysis?topic={gulf.slug}",
        "gulf feed": f"/feeds/topics/{gulf.slug}.rss",
        "trade": trade.get_absolute_url(),
        "dana": dana.get_absolute_url(),
        "dana feed": f"/feeds/experts/{dana.slug}.rss",
        "omar": omar.get_absolute_url(),
        "arabic home": "/ar/",
        "arabic listing": "/ar/policy-analysis",
        "arabic search": "/ar/search?q=الخليج",
        "directory": "/experts",
        "programs": "/programs",
    }


def purged(client, pages):
    """The names of `pages` that are not served from the cache."""
    served = kept(client, *pages.values())
    return {name for name, url in pages.items() if not served[url]}


def test_a_typo_fixed_purges_the_lists_of_its_card_and_no_other(client, site, editor):
    pages = lists(site)
    warm(client, *pages.values())
    tariffs = fetched(site["C"])
    tariffs.summary = "Tariffs, ports and the shipping they tax."  # was a typo
    services.article_save(tariffs, user=editor)
    # Its card is on the lists of its language and of its topic, and it is searched.
    assert purged(client, pages) == {"home", "listing", "latest feed", "search", "trade"}
    assert "the shipping they tax" in text(client.get(pages["listing"]))


def test_publishing_purges_the_lists_it_enters_and_no_other(client, site, editor):
    pages = lists(site)
    warm(client, *pages.values())
    services.article_publish(fetched(site["D"]), user=editor)  # Dana's, on the Gulf
    entered = {"home", "listing", "events", "latest feed", "search"}  # its language's
    entered |= {"gulf", "gulf listing", "gulf feed", "dana", "dana feed"}
    assert purged(client, pages) == entered
    for name in entered - {"events", "search"}:
        assert "Hormuz Shipping" in text(client.get(pages[name])), name


def test_taking_down_purges_the_lists_it_leaves(client, site, editor):
    pages = lists(site)
    warm(client, *pages.values())
    services.article_unpublish(fetched(site["B"]), user=editor)  # Omar's, on the Gulf
    left = {"home", "listing", "events", "latest feed", "search"}
    left |= {"gulf", "gulf listing", "gulf feed", "omar"}
    assert purged(client, pages) == left
    for name in left - {"events", "search"}:
        assert "Naval Patrols" not in text(client.get(pages[name])), name


def test_a_draft_saved_purges_no_list(client, site, editor):
    pages = lists(site)
    warm(client, *pages.values())
    draft = fetched(site["D"])
    draft.title = "Hormuz Shipping, second draft"
    services.article_save(draft, user=editor)
    assert purged(client, pages) == set()


def test_a_translation_published_purges_its_languages_lists_not_the_others(client, site, editor):
    draft = make_translation(
        site["C"], "ar", title="الرسوم والموانئ", published=False, topics=[site["trade"]]
    )
    pages = lists(site)
    warm(client, *pages.values())
    services.article_publish(fetched(draft), user=editor)
    # The lists of its topic are of every language: the top experts count them all.
    assert purged(client, pages) == {"arabic home", "arabic listing", "arabic search", "trade"}
    assert "الرسوم والموانئ" in text(client.get("/ar/"))


def test_an_experts_bio_purges_the_lists_of_their_bylines_and_cards(client, site, expert_manager):
    pages = lists(site)
    warm(client, *pages.values())
    omar = site["omar"]
    omar.short_bio = "Omar Haddad follows the Gulf's navies."
    expert_services.expert_save(omar, user=expert_manager)
    # Naval Patrols' byline; the Gulf's top experts; his card in the directory.
    shown = {"home", "listing", "latest feed", "gulf", "gulf listing", "gulf feed"}
    assert purged(client, pages) == shown | {"omar", "directory"}


def test_a_former_expert_purges_the_lists_of_experts(client, site, expert_manager):
    pages = lists(site)
    warm(client, *pages.values())
    expert_services.expert_deactivate(site["dana"], user=expert_manager)
    # Her byline and card, and every list of experts: the directory, the top experts,
    # the lists' and search's "Expert" filter.
    shown = {"home", "listing", "latest feed", "gulf", "gulf listing", "gulf feed"}
    experts = {"search", "arabic listing", "arabic search", "trade", "directory"}
    assert purged(client, pages) == shown | experts | {"dana", "dana feed"}


def test_a_region_lists_the_work_on_the_regions_nested_in_it(client, site, editor):
    middle_east, levant = make_region("Middle East"), make_region("Levant")
    iran = make_region("Iran", parent=middle_east)
    draft = make_article("Sanctions on Tehran", published=False, regions=[iran])
    pages = {
        "middle east": middle_east.get_absolute_url(),
        "middle east feed": f"/feeds/regions/{middle_east.slug}.rss",
        "iran": iran.get_absolute_url(),
        "levant": levant.get_absolute_url(),
    }
    warm(client, *pages.values())
    services.article_publish(fetched(draft), user=editor)
    assert purged(client, pages) == {"middle east", "middle east feed", "iran"}
    assert "Sanctions on Tehran" in text(client.get(pages["middle east"]))


def test_a_feature_going_public_purges_the_page_it_is_featured_on(client, site, editor):
    Feature.objects.create(topic=site["trade"], article=site["D"])  # not on trade
    pages = lists(site)
    warm(client, *pages.values())
    services.article_publish(fetched(site["D"]), user=editor)
    assert "trade" in purged(client, pages)
    assert "Hormuz Shipping" in text(client.get(pages["trade"]))


def test_a_features_new_title_shows_on_the_page_it_is_featured_on(client, site, editor):
    """The features' list is remembered apart from the page (selectors.featured_on): a
    feature changed is read again."""
    Feature.objects.create(topic=site["trade"], article=site["C"])
    page = lists(site)["trade"]
    warm(client, page)
    tariffs = fetched(site["C"])
    tariffs.title = "Tariffs, Ports and Fees"
    services.article_save(tariffs, user=editor)
    shown = client.get(page).content
    assert shown.count(b"Tariffs, Ports and Fees") == 2  # featured, and in the list
    with override_settings(PAGE_CACHE_SECONDS=0):
        assert shown == client.get(page).content


def test_new_text_purges_its_languages_search_even_where_it_did_not_match(client, site, editor):
    pages = {"gulf search": "/search?q=gulf", "arabic search": "/ar/search?q=الخليج"}
    warm(client, *pages.values())
    assert "Tariffs and Ports" not in text(client.get(pages["gulf search"]))
    tariffs = fetched(site["C"])
    tariffs.summary = "Tariffs, ports and the Gulf."
    services.article_save(tariffs, user=editor)
    assert purged(client, pages) == {"gulf search"}
    assert "Tariffs and Ports" in text(client.get(pages["gulf search"]))


def test_a_programs_page_lists_its_experts_work_in_every_language(client, site, editor):
    program = make_program("Maritime Program")
    site["dana"].program = program
    site["dana"].save()  # untracked: before the pages are kept
    draft = make_translation(site["A"], "fa", published=False, authors=[site["dana"]])
    pages = {"program": program.get_absolute_url(), "programs": "/programs"}
    warm(client, *pages.values())
    services.article_publish(fetched(draft), user=editor)
    assert purged(client, pages) == {"program"}
    assert draft.title in text(client.get(pages["program"]))
