"""Topics, regions and their old addresses are the taxonomy app's (issue 12): the links
now point there. State only: the tables, their constraints and rows do not change."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0020_rich_text_images_are_uploads"),
        ("experts", "0009_topics_and_regions_move_to_taxonomy"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="region",
                    name="parent",
                ),
                migrations.AlterField(
                    model_name="feature",
                    name="region",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="features",
                        to="taxonomy.region",
                        verbose_name="region or country",
                    ),
                ),
                migrations.AlterField(
                    model_name="feature",
                    name="topic",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="features",
                        to="taxonomy.topic",
                        verbose_name="topic",
                    ),
                ),
                migrations.AlterField(
                    model_name="article",
                    name="regions",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="articles",
                        to="taxonomy.region",
                        verbose_name="regions and countries",
                    ),
                ),
                migrations.AlterField(
                    model_name="article",
                    name="topics",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="articles",
                        to="taxonomy.topic",
                        verbose_name="topics",
                    ),
                ),
                migrations.DeleteModel(
                    name="LandingRedirect",
                ),
                migrations.DeleteModel(
                    name="Region",
                ),
                migrations.DeleteModel(
                    name="Topic",
                ),
            ],
            database_operations=[],
        ),
    ]
