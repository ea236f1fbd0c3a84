"""
The links of an article to its authors, topics and regions, by the expert, topic or
region first, so that the work of one of them is read from the index alone: the count
and the pages of a topic or a region, a filtered list, an expert's work. The ids of a
topic's 13,000 pieces then come from an index-only scan instead of 1,300 pages of the
link table (on 100,000 articles a topic's count takes 19 ms instead of 22, a region's
28 instead of 32, a list filtered by both 29 instead of 34).

The topics' and regions' link tables are made by Django for the many-to-many fields,
so their index is made here, the same on PostgreSQL and SQLite.
"""

from django.db import migrations, models

# (field, index name): the index leads with the other side of the link.
THROUGH_INDEXES = [("topics", "article_topic_by_topic"), ("regions", "article_region_by_region")]


def _through(apps, field):
    through = apps.get_model("articles", "Article")._meta.get_field(field).remote_field.through
    return (
        through._meta.db_table,
        through._meta.get_field("article").column,
        through._meta.get_field(field[:-1]).column,  # topic, region
    )


def create_through_indexes(apps, schema_editor):
    quote = schema_editor.quote_name
    for field, name in THROUGH_INDEXES:
        table, article, other = _through(apps, field)
        schema_editor.execute(
            f"CREATE INDEX {quote(name)} ON {quote(table)} ({quote(other)}, {quote(article)})"
        )


def drop_through_indexes(apps, schema_editor):
    for _field, name in THROUGH_INDEXES:
        schema_editor.execute(f"DROP INDEX {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0016_search_head_in_the_row"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="articleauthor",
            index=models.Index(fields=["expert", "article"], name="authorship_by_expert"),
        ),
        migrations.RunPython(create_through_indexes, drop_through_indexes, elidable=False),
    ]
