"""Which library images each article's body shows (issue 13)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0023_search_below_body"),
        ("library", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleImage",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "article",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="figure_images",
                        to="articles.article",
                    ),
                ),
                (
                    "image",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="figure_uses",
                        to="library.image",
                        verbose_name="image",
                    ),
                ),
            ],
            options={
                "verbose_name": "image in the body",
                "verbose_name_plural": "images in the body",
            },
        ),
        migrations.AddField(
            model_name="article",
            name="images",
            field=models.ManyToManyField(
                blank=True,
                editable=False,
                related_name="articles",
                through="articles.ArticleImage",
                to="library.image",
                verbose_name="images in the body",
            ),
        ),
        migrations.AddConstraint(
            model_name="articleimage",
            constraint=models.UniqueConstraint(
                fields=("article", "image"), name="article_image_once"
            ),
        ),
    ]
