"""Translation sets left without an article (by a link of translations or a deletion,
before the services discarded them) are deleted."""

from django.db import migrations


def discard_empty_sets(apps, schema_editor):
    TranslationSet = apps.get_model("articles", "TranslationSet")
    TranslationSet.objects.filter(articles__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0028_dashboard_indexes")]

    operations = [migrations.RunPython(discard_empty_sets, migrations.RunPython.noop)]
