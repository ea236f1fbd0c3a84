"""
Topics, regions and their old addresses moved from articles to the taxonomy app (issue
12) by state-only migrations: on a database at the schema before the move, rows written
through the old models are read, links and all, through the new ones afterwards, and the
roles keep their permissions on topics and regions.
"""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from articles.models import Article, Feature
from experts.models import Expert
from taxonomy.models import Region, TaxonomyRedirect, Topic
from tests.helpers.factories import make_article, make_expert
from tests.helpers.roles import make_roles

BEFORE = [
    ("articles", "0020_rich_text_images_are_uploads"),
    ("experts", "0008_rich_text_images_are_uploads"),
    ("taxonomy", None),
]
MOVED = ["topic", "region", "landingredirect"]


def migrate(targets=None):
    """Migrates the test database to `targets` (default: the latest); the apps there."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


@pytest.mark.django_db(transaction=True)
def test_topics_and_regions_survive_the_move_with_their_links_and_permissions(migrated_roles):
    article = make_article("Old piece")
    expert = make_expert("Old Hand")

    old = migrate(BEFORE)
    # The roles as they were before the move (an earlier test's flush may have emptied
    # them): topics' and regions' permissions were articles'.
    make_roles(
        {
            name: [
                ("articles" if codename.split("_", 1)[1] in MOVED else app, codename)
                for app, codename in permissions
            ]
            for name, permissions in migrated_roles.items()
        },
        apps=old,
    )
    OldTopic = old.get_model("articles", "Topic")
    OldRegion = old.get_model("articles", "Region")
    topic = OldTopic.objects.create(name="Great Power Competition", slug="gpc")
    middle_east = OldRegion.objects.create(name="Middle East", slug="middle-east")
    levant = OldRegion.objects.create(name="Levant", slug="levant", parent=middle_east)
    old.get_model("articles", "LandingRedirect").objects.create(old_slug="gpc-old", topic=topic)
    old.get_model("articles", "LandingRedirect").objects.create(
        old_slug="near-east", region=middle_east
    )
    old_article = old.get_model("articles", "Article").objects.get(pk=article.pk)
    old_article.topics.add(topic)
    old_article.regions.add(levant)
    old_expert = old.get_model("experts", "Expert").objects.get(pk=expert.pk)
    old_expert.topics.add(topic)
    old_expert.regions.add(middle_east)
    old.get_model("articles", "Feature").objects.create(article=old_article, topic=topic)
    old.get_model("articles", "Feature").objects.create(article=old_article, region=levant)
    content_types = {
        model: ContentType.objects.get(app_label="articles", model=model).pk for model in MOVED
    }
    # What post_migrate makes after `migrate taxonomy zero` with this code: taxonomy's
    # own rows, empty of groups. They give way to the rows the groups hold.
    stale = ContentType.objects.create(app_label="taxonomy", model="topic")
    Permission.objects.create(content_type=stale, codename="add_topic", name="Can add topic")

    migrate()

    topic = Topic.objects.get(slug="gpc")
    levant = Region.objects.get(slug="levant")
    assert levant.parent.slug == "middle-east"
    assert list(Region.objects.get(slug="middle-east").children.all()) == [levant]
    assert {r.old_slug: r.target.slug for r in TaxonomyRedirect.objects.all()} == {
        "gpc-old": "gpc",
        "near-east": "middle-east",
    }
    article = Article.objects.get(pk=article.pk)
    assert list(article.topics.all()) == [topic]
    assert list(article.regions.all()) == [levant]
    assert list(topic.articles.all()) == [article]
    expert = Expert.objects.get(pk=expert.pk)
    assert list(expert.topics.all()) == [topic]
    assert [r.slug for r in expert.regions.all()] == ["middle-east"]
    assert list(topic.experts.all()) == [expert]
    assert {(f.topic, f.region) for f in Feature.objects.all()} == {(topic, None), (None, levant)}

    # The same content type rows, now taxonomy's: the roles keep their permissions.
    for model, pk in content_types.items():
        assert ContentType.objects.get(pk=pk).app_label == "taxonomy"
        assert not ContentType.objects.filter(app_label="articles", model=model).exists()
    # LandingRedirect became TaxonomyRedirect (taxonomy 0002): the same row,
    # its permissions renamed with it.
    assert ContentType.objects.get(pk=content_types["landingredirect"]).model == "taxonomyredirect"
    assert set(
        Permission.objects.filter(content_type=content_types["landingredirect"]).values_list(
            "codename", flat=True
        )
    ) == {f"{action}_taxonomyredirect" for action in ("add", "change", "delete", "view")}
    assert not ContentType.objects.filter(pk=stale.pk).exists()
    assert Permission.objects.filter(content_type__app_label="taxonomy").count() == 12
    editors = set(
        Permission.objects.filter(
            group__name="Editors", content_type__app_label="taxonomy"
        ).values_list("codename", flat=True)
    )
    for model in ("topic", "region"):
        assert {f"{action}_{model}" for action in ("add", "change", "delete", "view")} <= editors
    editor = User.objects.create_user("ed", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    editor = User.objects.get(pk=editor.pk)
    assert editor.has_perms(["taxonomy.add_topic", "taxonomy.change_region"])
    assert not editor.has_perm("articles.add_topic")
    manager = set(
        Permission.objects.filter(group__name="Expert managers").values_list(
            "content_type__app_label", "codename"
        )
    )
    assert {("taxonomy", "view_topic"), ("taxonomy", "view_region")} <= manager
