"""
One name for an article's recommendations (issue 12): the unused many-to-many
`Article.recommendations` (reverse `recommended_by`) goes, and the rows take its name:
`article.recommendations`, each from `article` to `recommended_article` (were
`recommendation_links`, `from_article`, `to_article`). The columns are renamed; the
rows stay. The constraints are dropped and made again around the renames.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0021_topics_and_regions_move_to_taxonomy"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="recommendation", name="recommend_once_per_article"),
        migrations.RemoveConstraint(model_name="recommendation", name="no_self_recommendation"),
        migrations.RemoveField(model_name="article", name="recommendations"),
        migrations.RenameField(
            model_name="recommendation", old_name="from_article", new_name="article"
        ),
        migrations.RenameField(
            model_name="recommendation", old_name="to_article", new_name="recommended_article"
        ),
        migrations.AlterField(
            model_name="recommendation",
            name="article",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="recommendations",
                to="articles.article",
            ),
        ),
        migrations.AddConstraint(
            model_name="recommendation",
            constraint=models.UniqueConstraint(
                fields=("article", "recommended_article"), name="recommend_once_per_article"
            ),
        ),
        migrations.AddConstraint(
            model_name="recommendation",
            constraint=models.CheckConstraint(
                condition=models.Q(("article", models.F("recommended_article")), _negated=True),
                name="no_self_recommendation",
            ),
        ),
    ]
