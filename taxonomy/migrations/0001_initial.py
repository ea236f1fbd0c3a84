"""
Topics, regions and their old addresses, moved from articles (issue 12): their tables
(articles_topic, articles_region, articles_landingredirect) and rows stay; only the
migration state moves, and the content types (so their permissions) become taxonomy's.
"""

import django.db.models.deletion
import thinktank.translation
from django.db import migrations, models


MODELS = ["topic", "region", "landingredirect"]


def move_content_types(apps, source, target):
    """The content types of the moved models change app, keeping their ids, so every
    permission (and the groups holding it) and every admin log entry stays attached.
    A row already made for `target` (post_migrate after a migration back and forth)
    gives way, with its own permissions, to the row that holds the data's history."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model in MODELS:
        old = ContentType.objects.filter(app_label=source, model=model).first()
        if old is None:
            continue
        stale = ContentType.objects.filter(app_label=target, model=model)
        Permission.objects.filter(content_type__in=stale).delete()
        stale.delete()
        old.app_label = target
        old.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def content_types_to_taxonomy(apps, schema_editor):
    move_content_types(apps, "articles", "taxonomy")


def content_types_to_articles(apps, schema_editor):
    move_content_types(apps, "taxonomy", "articles")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0020_rich_text_images_are_uploads"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Topic",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "translations",
                            thinktank.translation.TranslationsField(
                                blank=True,
                                default=dict,
                                help_text="The text of the translatable fields in other languages.",
                                verbose_name="translations",
                            ),
                        ),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        (
                            "slug",
                            models.SlugField(max_length=200, unique=True, verbose_name="slug"),
                        ),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                    ],
                    options={
                        "verbose_name": "topic",
                        "verbose_name_plural": "topics",
                        "db_table": "articles_topic",
                        "ordering": ["name"],
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="Region",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "translations",
                            thinktank.translation.TranslationsField(
                                blank=True,
                                default=dict,
                                help_text="The text of the translatable fields in other languages.",
                                verbose_name="translations",
                            ),
                        ),
                        ("name", models.CharField(max_length=200, verbose_name="name")),
                        (
                            "slug",
                            models.SlugField(max_length=200, unique=True, verbose_name="slug"),
                        ),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        (
                            "parent",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="children",
                                to="taxonomy.region",
                                verbose_name="part of",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "region or country",
                        "verbose_name_plural": "regions and countries",
                        "db_table": "articles_region",
                        "ordering": ["name"],
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="LandingRedirect",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "old_slug",
                            models.SlugField(max_length=200, unique=True, verbose_name="old slug"),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="created"),
                        ),
                        (
                            "region",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                to="taxonomy.region",
                                verbose_name="region or country",
                            ),
                        ),
                        (
                            "topic",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                to="taxonomy.topic",
                                verbose_name="topic",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "old topic or region address",
                        "verbose_name_plural": "old topic and region addresses",
                        "db_table": "articles_landingredirect",
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("topic__isnull", True),
                                    ("region__isnull", True),
                                    _connector="XOR",
                                ),
                                name="landing_redirect_has_one_target",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_to_taxonomy, content_types_to_articles),
    ]
