"""
Rich text already stored is sanitized again under the rule that an image must be one
of the site's uploads (thinktank.html): an <img> from elsewhere, which the pages'
Content Security Policy would show broken, is removed. The text as it was stays in
the article's revisions.
"""

from django.db import migrations

from thinktank.html import sanitize_html

FIELDS = ("body", "footer_note")


def sanitize_stored_rich_text(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    for row in Article.objects.values("pk", *FIELDS).iterator(chunk_size=500):
        changed = {
            name: sanitize_html(row[name])
            for name in FIELDS
            if row[name] and sanitize_html(row[name]) != row[name]
        }
        if changed:
            Article.objects.filter(pk=row["pk"]).update(**changed)


class Migration(migrations.Migration):
    dependencies = [("articles", "0019_hero_image_without_metadata")]

    operations = [migrations.RunPython(sanitize_stored_rich_text, migrations.RunPython.noop)]
