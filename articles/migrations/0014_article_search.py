"""
Full-text search (articles.search): the search vector column, then what each database
needs beside it, then the index of the articles already saved.

PostgreSQL gets a GIN index on the vector (and keeps large values out of the rows);
SQLite gets an FTS5 table instead (the columns stay empty there). Neither is in the model's Meta, since each exists on one
database only; `makemigrations` knows only the column.
"""

import django.contrib.postgres.search
from django.db import migrations

GIN_INDEX = "article_search_vector"
TOAST_TARGET = 1024


def create_search_structures(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {GIN_INDEX} ON articles_article USING gin (search_vector)"
        )
        # Rows past 1 kB keep their largest values (body, search vector) out of line, in
        # the TOAST table: a search or a deep page of a list then reads narrow rows
        # (tens of MB for 100,000 articles rather than hundreds), and what pages show and
        # rank by (titles, summaries, the search head) stays in the row.
        schema_editor.execute(
            f"ALTER TABLE articles_article SET (toast_tuple_target = {TOAST_TARGET})"
        )
    elif connection.vendor == "sqlite":
        from articles.search import sqlite

        schema_editor.execute(sqlite.CREATE_SQL)


def drop_search_structures(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")
        schema_editor.execute("ALTER TABLE articles_article RESET (toast_tuple_target)")
    elif connection.vendor == "sqlite":
        from articles.search import sqlite

        schema_editor.execute(sqlite.DROP_SQL)


def index_existing_articles(apps, schema_editor):
    # A database migrated from scratch has no article yet: nothing to index.
    if (
        not apps.get_model("articles", "Article")
        .objects.using(schema_editor.connection.alias)
        .exists()
    ):
        return
    from articles.search import index_all

    index_all(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0013_homefeature"),
        ("experts", "0005_profile_data_and_roles"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="article",
            name="search_head",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_search_structures, drop_search_structures),
        migrations.RunPython(index_existing_articles, migrations.RunPython.noop),
    ]
