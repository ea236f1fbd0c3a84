"""The editorial dashboard's problems without reading the table: partial indexes of
the articles without a summary and of those whose hero image has no alt text."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0027_article_links"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(("summary", "")),
                fields=["-updated_at"],
                name="article_without_summary",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(
                    models.Q(("hero_image", ""), _negated=True), ("hero_image_alt", "")
                ),
                fields=["-updated_at"],
                name="article_hero_without_alt",
            ),
        ),
    ]
