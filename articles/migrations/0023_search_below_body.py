"""
Search: the text below the body (an article's notes, weighted under the body). SQLite's
FTS5 table gains a column, so it is made again (0024 fills it); PostgreSQL's vector is
computed by the same UPDATE as before (no body held a note until now: nothing to redo).
"""

from django.db import migrations


def rebuild_sqlite_index(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    from articles.search import sqlite

    schema_editor.execute(sqlite.DROP_SQL)
    schema_editor.execute(sqlite.CREATE_SQL)
    # The index is filled by 0024, once the documents' table it reads exists too.


class Migration(migrations.Migration):
    dependencies = [("articles", "0022_recommendation_names")]

    operations = [migrations.RunPython(rebuild_sqlite_index, migrations.RunPython.noop)]
