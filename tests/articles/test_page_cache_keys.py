"""
What an article's writes purge (articles.page_cache): nothing while it is not public
(a draft saved, a change proposed), and once it is, the pages that show it (its own, its
card in others' sidebars and lists, links to it, its versions) and no others.
"""

import pytest
from django.test import Client

from articles import proposals, services, translation_services
from articles.models import Article
from experts import services as expert_services
from tests.helpers.adminforms import change_url, form_data
from tests.helpers.factories import make_article, make_expert, make_region, make_topic
from tests.helpers.links import body_linking
from tests.helpers.page_cache import fetched, kept, related_pieces, text, warm

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    return related_pieces()


def every_page(site):
    return [
        site["A"].get_absolute_url(),
        site["B"].get_absolute_url(),
        site["C"].get_absolute_url(),
        site["topic"].get_absolute_url(),
        "/",
        "/policy-analysis",
        "/feeds/latest.rss",
        "/search?q=gulf",
    ]


def test_a_draft_saved_by_a_service_purges_no_page(client, site, editor):
    urls = every_page(site)
    warm(client, *urls)
    draft = fetched(site["D"])
    draft.title = "Hormuz Shipping, second draft"
    services.article_save(draft, user=editor)
    services.article_submit_for_review(fetched(draft), user=editor)
    assert all(kept(client, *urls).values())


def test_a_draft_saved_in_the_admin_purges_no_page(client, site, editor):
    urls = every_page(site)
    warm(client, *urls)
    desk = Client()
    desk.force_login(editor)
    draft = site["D"]
    data = form_data(draft, title="Hormuz Shipping, from the admin", topics=[site["topic"].pk])
    assert desk.post(change_url(draft), data).status_code == 302
    assert fetched(draft).title == "Hormuz Shipping, from the admin"
    assert all(kept(client, *urls).values())


def test_a_translation_started_purges_no_page(client, site, editor):
    urls = every_page(site)
    warm(client, *urls)
    translation_services.article_add_translation(fetched(site["A"]), "ar", user=editor)
    assert all(kept(client, *urls).values())


def test_a_proposed_change_purges_no_page(client, site, contributor, editor):
    urls = every_page(site)
    warm(client, *urls)
    article = fetched(site["A"])
    article.title = "Deterrence, as a contributor sees it"
    proposal = proposals.article_propose(article, user=contributor)
    assert all(kept(client, *urls).values())
    proposals.article_discard_proposal(proposal, user=editor)
    assert all(kept(client, *urls).values())


def test_publishing_purges_the_pages_that_show_it_and_no_other(client, site, editor):
    urls = every_page(site)
    warm(client, *urls)
    services.article_publish(fetched(site["D"]), user=editor)
    unrelated = site["C"].get_absolute_url()
    assert kept(client, *urls) == {url: url == unrelated for url in urls}
    for url in urls:
        assert ("Hormuz Shipping" in text(client.get(url))) == (url != unrelated), url


def test_an_edit_shows_wherever_its_card_is_and_purges_no_other_page(client, site, editor):
    urls = every_page(site)
    warm(client, *urls)
    article = fetched(site["B"])
    article.title = "Naval Patrols in Winter"
    services.article_save(article, user=editor)
    unrelated = site["C"].get_absolute_url()
    assert kept(client, *urls) == {url: url == unrelated for url in urls}
    assert "Naval Patrols in Winter" in text(client.get(site["A"].get_absolute_url()))


def test_a_publish_re_renders_the_sidebars_it_enters_and_no_other(client, editor):
    dana, gulf, iran = make_expert("Dana Stroul"), make_topic("Gulf"), make_region("Iran")
    links = {"authors": [dana], "topics": [gulf], "regions": [iran]}
    page = make_article("Deterrence in the Gulf", **links)
    for title in ("Patrols", "Mines", "Tankers"):  # a full sidebar of strong cards
        make_article(title, **links)
    weak = make_article("Iran's Budget", published=False, regions=[iran])
    strong = make_article("Gulf Convoys", published=False, **links)
    url = page.get_absolute_url()
    warm(client, url)
    services.article_publish(fetched(weak), user=editor)
    assert kept(client, url) == {url: True}
    services.article_publish(fetched(strong), user=editor)
    assert kept(client, url) == {url: False}
    assert "Gulf Convoys" in text(client.get(url))


def test_a_publish_with_more_links_than_keys_can_name_purges_every_page(client, site, editor):
    urls = every_page(site)
    warm(client, *urls)
    crowded = make_article("Everything", published=False, topics=[make_topic() for _ in range(13)])
    services.article_publish(fetched(crowded), user=editor)
    assert not any(kept(client, *urls).values())


def test_a_link_or_a_recommendation_follows_its_target_going_public(client, site, editor):
    linking = make_article("On Shipping", body=body_linking(site["D"]), recommendations=[])
    recommending = make_article("Ports Again", recommendations=[site["D"]])
    urls = [linking.get_absolute_url(), recommending.get_absolute_url()]
    warm(client, *urls)
    draft_address = "/policy-analysis/hormuz-shipping"
    assert all(draft_address not in text(client.get(url)) for url in urls)
    services.article_publish(fetched(site["D"]), user=editor)
    for url in urls:
        assert draft_address in text(client.get(url)), url
    services.article_unpublish(fetched(site["D"]), user=editor)
    for url in urls:
        assert draft_address not in text(client.get(url)), url


def test_a_write_outside_a_service_still_purges_everything(client, site):
    urls = every_page(site)
    warm(client, *urls)
    Article.objects.filter(pk=site["D"].pk).update(title="Written in bulk")  # a draft
    assert not any(kept(client, *urls).values())


def test_an_expert_edited_purges_the_pages_of_their_bylines_and_no_other_article(
    client, site, expert_manager
):
    urls = every_page(site)
    warm(client, *urls)
    omar = site["B"].authors.get()
    omar.short_bio = "Omar Haddad follows the Gulf's navies."
    expert_services.expert_save(omar, user=expert_manager)
    # A's sidebar shows B's byline; C shows nothing of Omar's.
    unrelated = site["C"].get_absolute_url()
    assert kept(client, *urls) == {url: url == unrelated for url in urls}
    assert "follows the Gulf" in text(client.get(site["B"].get_absolute_url()))


def test_an_expert_renamed_purges_their_pages_and_the_search_and_no_other(
    client, site, expert_manager
):
    # Their name is in the search index of their work, which is rewritten.
    urls = every_page(site)
    warm(client, *urls)
    omar = site["B"].authors.get()
    omar.name = "Omar K. Haddad"
    expert_services.expert_save(omar, user=expert_manager)
    # Every page shows Omar's byline or is a search, but C's.
    unrelated = site["C"].get_absolute_url()
    assert kept(client, *urls) == {url: url == unrelated for url in urls}
    assert "Omar K. Haddad" in text(client.get(site["A"].get_absolute_url()))
    assert "Omar K. Haddad" in text(client.get("/search?q=haddad"))
