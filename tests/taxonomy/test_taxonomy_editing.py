"""Topics and regions merged and renamed without breaking a link; articles archived, not deleted."""

import pytest

from articles import services, taxonomy_services
from articles.models import Article, Feature, Region, TaxonomyRedirect, Topic
from tests.helpers.factories import make_article, make_expert, make_region, make_topic

pytestmark = pytest.mark.django_db


def test_merging_topics_moves_articles_and_redirects_the_old_address(client, editor):
    keep = make_topic("Great Power Competition", slug="great-power-competition")
    typo = make_topic("Great Power Competiton", slug="great-power-competiton")
    article = make_article(topics=[typo])
    expert = make_expert()
    expert.topics.add(typo)
    taxonomy_services.topic_or_region_merge(keep, [keep, typo], user=editor)
    assert not Topic.objects.filter(pk=typo.pk).exists()
    assert list(Article.objects.get(pk=article.pk).topics.all()) == [keep]
    assert list(expert.topics.all()) == [keep]  # the expert's expertise moves too
    response = client.get("/policy-analysis/great-power-competiton")
    assert (response.status_code, response["Location"]) == (
        301,
        "/policy-analysis/great-power-competition",
    )
    arabic = client.get("/ar/policy-analysis/great-power-competiton")
    assert arabic["Location"] == "/ar/policy-analysis/great-power-competition"


def test_merging_topics_moves_their_features_after_the_survivors(editor):
    keep, other = make_topic(), make_topic()
    first, second, both = make_article(), make_article(), make_article()
    Feature.objects.create(topic=keep, article=first, position=0)
    Feature.objects.create(topic=keep, article=both, position=1)
    Feature.objects.create(topic=other, article=both, position=0)
    Feature.objects.create(topic=other, article=second, position=1)
    taxonomy_services.topic_or_region_merge(keep, [other], user=editor)
    features = keep.features.order_by("position").values_list("article_id", flat=True)
    assert list(features) == [first.pk, both.pk, second.pk]  # no feature twice


def test_merging_twice_keeps_every_old_address(client, editor):
    first, second, third = (
        make_topic(slug="t-one"),
        make_topic(slug="t-two"),
        make_topic(slug="t-three"),
    )
    taxonomy_services.topic_or_region_merge(second, [first], user=editor)
    taxonomy_services.topic_or_region_merge(third, [second], user=editor)
    for old in ("t-one", "t-two"):
        assert client.get(f"/policy-analysis/{old}")["Location"] == "/policy-analysis/t-three"


def test_merging_regions_moves_sub_regions(editor):
    levant, levant_dup = make_region(slug="levant"), make_region(slug="the-levant")
    israel = make_region(slug="israel", parent=levant_dup)
    taxonomy_services.topic_or_region_merge(levant, [levant_dup], user=editor)
    assert Region.objects.get(pk=israel.pk).parent_id == levant.pk


def test_a_region_cannot_be_merged_into_its_own_part(editor):
    parent = make_region(slug="middle-east")
    child = make_region(slug="gulf", parent=parent)
    with pytest.raises(services.PermissionDenied):
        taxonomy_services.topic_or_region_merge(child, [parent], user=editor)
    assert Region.objects.filter(pk=parent.pk).exists()


def test_renaming_a_topic_slug_keeps_the_old_address(client, editor):
    topic = make_topic("Energy", slug="energy")
    topic.name, topic.slug = "Energy & Economics", "energy-and-economics"
    taxonomy_services.topic_or_region_save(topic, user=editor)
    assert (
        client.get("/policy-analysis/energy")["Location"] == "/policy-analysis/energy-and-economics"
    )
    assert client.get("/policy-analysis/energy-and-economics").status_code == 200


def test_merge_in_the_admin(client, editor):
    keep, other = make_topic(slug="keep-me"), make_topic(slug="fold-me")
    client.force_login(editor)
    selected = {"action": "merge", "_selected_action": [keep.pk, other.pk]}
    page = client.post("/admin/taxonomy/topic/", selected)
    assert page.status_code == 200 and "keep-me" in page.content.decode()
    client.post("/admin/taxonomy/topic/", {**selected, "survivor": keep.pk, "confirm": "1"})
    assert list(Topic.objects.filter(pk__in=[keep.pk, other.pk])) == [keep]
    assert TaxonomyRedirect.objects.get(old_slug="fold-me").topic == keep


def test_contributor_cannot_merge(client, contributor):
    one, two = make_topic(), make_topic()
    with pytest.raises(services.PermissionDenied):
        taxonomy_services.topic_or_region_merge(one, [two], user=contributor)
    client.force_login(contributor)
    client.post(
        "/admin/taxonomy/topic/",
        {
            "action": "merge",
            "_selected_action": [one.pk, two.pk],
            "survivor": one.pk,
            "confirm": "1",
        },
    )
    assert Topic.objects.filter(pk=two.pk).exists()


def test_editors_archive_articles_instead_of_deleting_them(client, editor):
    article = make_article()
    client.force_login(editor)
    assert client.get(f"/admin/articles/article/{article.pk}/delete/").status_code == 403
    assert (
        client.post(f"/admin/articles/article/{article.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert Article.objects.filter(pk=article.pk).exists()
    changelist = client.get("/admin/articles/article/").content.decode()
    assert "delete_selected" not in changelist
    assert 'value="archive"' in changelist
