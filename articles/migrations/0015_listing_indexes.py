"""
Lists of published work newest first, read from an index: the order the pages use
(published_at DESC, id DESC; ArticleQuerySet.newest_first) after the filter, by
language (the lists of a language's work) and in all languages (the sidebar's related
work, the top experts of a landing, "All languages"). The old index ended at
published_at and could not give that order, so every page sorted the whole list.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_article_search"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="article", name="article_listing"),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["language", "status", "-published_at", "-id"],
                name="article_newest_in_language",
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["status", "-published_at", "-id"], name="article_newest"),
        ),
    ]
