"""
PostgreSQL: the search head (Article.search_head, what results are ranked by) stays in
the row, as 0014 meant it to. With rows past toast_tuple_target (1 kB) the toaster also
moved the head out of line once the body and the vector were, for most Arabic rows and
a fifth of the English ones, so ranking a search read it back from the TOAST table for
each match. Storage MAIN keeps it in the row, compressed, and moves only the other large
values out: ranking the matches of an Arabic word on 100,000 articles took 18 ms, now 6
(an English phrase 15, now 10).

The rows already saved are rewritten with their own head, so that it moves back into
the row (an unchanged value would keep its TOAST pointer); nothing else changes in
them. SQLite has no such storage and keeps its index apart: nothing to do there.
"""

from django.db import migrations

TABLE = "articles_article"


def keep_head_in_row(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN search_head SET STORAGE MAIN")
    # Concatenating an empty vector makes a new, equal value, which is stored anew.
    schema_editor.execute(
        f"UPDATE {TABLE} SET search_head = search_head || ''::tsvector"  # noqa: S608
        " WHERE search_head IS NOT NULL"
    )


def let_head_out_of_row(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN search_head SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_listing_indexes"),
    ]

    operations = [
        migrations.RunPython(keep_head_in_row, let_head_out_of_row, elidable=False),
    ]
