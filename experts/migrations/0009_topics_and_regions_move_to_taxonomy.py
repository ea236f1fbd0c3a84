"""An expert's topics and regions are the taxonomy app's (issue 12). State only: the
link tables and their rows do not change."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("experts", "0008_rich_text_images_are_uploads"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="expert",
                    name="regions",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="experts",
                        to="taxonomy.region",
                        verbose_name="regions and countries of expertise",
                    ),
                ),
                migrations.AlterField(
                    model_name="expert",
                    name="topics",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="experts",
                        to="taxonomy.topic",
                        verbose_name="topics of expertise",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
