"""
Bios already stored (and their translations) are sanitized again under the rule that
an image must be one of the site's uploads (thinktank.html): an <img> from elsewhere,
which the pages' Content Security Policy would show broken, is removed. The text as
it was stays in the expert's revisions.
"""

from django.db import migrations

from thinktank.html import sanitize_html


def _sanitized_translations(translations):
    result = {}
    for language, values in (translations or {}).items():
        if isinstance(values, dict) and isinstance(values.get("bio"), str):
            values = {**values, "bio": sanitize_html(values["bio"])}
        result[language] = values
    return result


def sanitize_stored_bios(apps, schema_editor):
    Expert = apps.get_model("experts", "Expert")
    for row in Expert.objects.values("pk", "bio", "translations").iterator(chunk_size=500):
        changed = {}
        if row["bio"] and sanitize_html(row["bio"]) != row["bio"]:
            changed["bio"] = sanitize_html(row["bio"])
        translations = _sanitized_translations(row["translations"])
        if translations != (row["translations"] or {}):
            changed["translations"] = translations
        if changed:
            Expert.objects.filter(pk=row["pk"]).update(**changed)


class Migration(migrations.Migration):
    dependencies = [("experts", "0007_photo_without_metadata")]

    operations = [migrations.RunPython(sanitize_stored_bios, migrations.RunPython.noop)]
