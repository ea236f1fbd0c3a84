"""
Search: the text below the body (an article's notes, weighted under the body). SQLite's
FTS5 table gains a column, so it is made again and filled; PostgreSQL's vector is
computed by the same UPDATE as before (no body held a note until now: nothing to redo).
"""

from django.db import migrations


def rebuild_sqlite_index(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "sqlite":
        return
    from articles.search import index_all, sqlite

    schema_editor.execute(sqlite.DROP_SQL)
    schema_editor.execute(sqlite.CREATE_SQL)
    if apps.get_model("articles", "Article").objects.using(connection.alias).exists():
        index_all(connection)


class Migration(migrations.Migration):
    dependencies = [("articles", "0022_recommendation_names")]

    operations = [migrations.RunPython(rebuild_sqlite_index, migrations.RunPython.noop)]
