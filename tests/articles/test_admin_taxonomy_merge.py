"""
Merging a topic or region from its own change page: the button shown to those who may
merge, a search for the one to keep, a summary of what moves, and a confirmed POST
through taxonomy_services.topic_or_region_merge; crafted POSTs refused with a message.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles.models import Feature, Region, Topic
from tests.helpers.factories import make_article, make_expert, make_region, make_topic
from tests.helpers.htmlpage import parse

pytestmark = pytest.mark.django_db


def merge_url(item):
    return reverse(f"admin:taxonomy_{item._meta.model_name}_merge", args=[item.pk])


def change_url(item):
    return reverse(f"admin:taxonomy_{item._meta.model_name}_change", args=[item.pk])


def said(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def topics():
    keep = make_topic("Energy Security", slug="energy-security")
    typo = make_topic("Energy Securty", slug="energy-securty")
    for _number in range(3):
        make_article(topics=[typo])
    make_expert().topics.add(typo)
    Feature.objects.create(topic=typo, article=make_article(), position=0)
    return keep, typo


def test_the_change_page_has_a_merge_button_for_those_who_may_merge(client, editor, topics):
    _keep, typo = topics
    client.force_login(editor)
    page = parse(client.get(change_url(typo)))
    link = page.find("a", cls="merge-link")
    assert link.get("href") == merge_url(typo)
    assert link.text == "Merge into another topic…"
    region = make_region("Gulf")
    page = parse(client.get(change_url(region)))
    assert page.find("a", cls="merge-link").text == "Merge into another region…"


def test_no_button_and_no_page_for_who_may_not_merge(client, expert_manager, contributor, topics):
    _keep, typo = topics
    for user in (expert_manager, contributor):
        client.force_login(user)
        response = client.get(change_url(typo))
        if response.status_code == 200:
            assert not parse(response).find_all("a", cls="merge-link")
        assert client.get(merge_url(typo)).status_code == 403
        assert client.post(merge_url(typo), {"into": topics[0].pk}).status_code == 403
    assert Topic.objects.filter(pk=typo.pk).exists()


def test_search_then_summary_then_merge(client, editor, topics):
    keep, typo = topics
    client.force_login(editor)
    page = parse(client.get(merge_url(typo), {"q": "energy"}))
    choices = page.find("ul", cls="merge-page__candidates").find_all("a")
    assert [choice.text for choice in choices] == ["Energy Security"]  # never itself
    summary_page = parse(client.get(merge_url(typo), {"q": "energy", "into": keep.pk}))
    summary = summary_page.find("section", cls="merge-page__summary").text
    assert "3 articles move" in summary
    assert "1 expert moves" in summary
    assert "1 featured article moves" in summary
    assert "1 address will redirect, /policy-analysis/energy-securty among them" in summary
    response = client.post(merge_url(typo), {"into": keep.pk})
    assert response.status_code == 302
    assert response["Location"] == change_url(keep)
    assert said(response) == [
        "Merged “Energy Securty” into “Energy Security”; its old addresses now lead there."
    ]
    assert not Topic.objects.filter(pk=typo.pk).exists()
    assert keep.articles.count() == 3 and keep.experts.count() == 1
    assert client.get("/policy-analysis/energy-securty")["Location"] == (
        "/policy-analysis/energy-security"
    )


def test_the_summary_counts_in_flat_queries(client, editor, topics, django_assert_max_num_queries):
    keep, typo = topics
    client.force_login(editor)
    for _number in range(20):
        make_article(topics=[typo])
    with django_assert_max_num_queries(14):
        client.get(merge_url(typo), {"q": "energy", "into": keep.pk})


def test_a_region_is_never_merged_into_its_own_part(client, editor):
    levant = make_region("Levant", slug="levant")
    israel = make_region("Levant North", slug="levant-north", parent=levant)
    other = make_region("Levantine Coast", slug="levantine-coast")
    client.force_login(editor)
    page = parse(client.get(merge_url(levant), {"q": "levant"}))
    names = [a.text for a in page.find("ul", cls="merge-page__candidates").find_all("a")]
    assert names == ["Levantine Coast"]
    response = client.post(merge_url(levant), {"into": israel.pk})
    assert said(response) == ["Choose where to merge it."]
    assert Region.objects.filter(pk=levant.pk).exists()
    summary = parse(client.get(merge_url(levant), {"into": other.pk})).text
    assert "1 region inside it moves" in summary


@pytest.mark.parametrize("into", ["", "x", "0", "-1", "99999", "self", "1; DROP", "٣"])
def test_a_crafted_post_is_refused_with_a_message(client, editor, topics, into):
    _keep, typo = topics
    into = {"self": str(typo.pk)}.get(into, into)
    client.force_login(editor)
    response = client.post(merge_url(typo), {"into": into})
    assert response.status_code == 302 and response["Location"] == merge_url(typo)
    assert said(response) == ["Choose where to merge it."]
    assert Topic.objects.filter(pk=typo.pk).exists()


def test_an_unknown_topic_is_not_a_server_error(client, editor):
    client.force_login(editor)
    response = client.get(reverse("admin:taxonomy_topic_merge", args=[987654]))
    assert response.status_code == 302
