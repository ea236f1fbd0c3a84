"""Sort keys and search text for the experts already saved; the new models' permissions
for the roles (Expert managers edit links, and pick topics and regions of expertise)."""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations

from thinktank.text import default_sort_name, fold, sort_key

ROLE_PERMISSIONS = {
    "Expert managers": [
        ("experts", f"{action}_expertlink") for action in ("add", "change", "delete", "view")
    ]
    + [
        ("experts", "view_expertrevision"),
        ("articles", "view_topic"),
        ("articles", "view_region"),
    ],
    "Editors": [("experts", "view_expertlink"), ("experts", "view_expertrevision")],
    "Contributors": [("experts", "view_expertlink")],
}


def derive_fields(apps, schema_editor):
    # The model's save() is not available here: the same derivation, written out.
    Expert = apps.get_model("experts", "Expert")
    languages = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    for expert in Expert.objects.all():
        source = sort_key(expert.sort_name or default_sort_name(expert.name))
        keys = {settings.LANGUAGE_CODE: source}
        names = [expert.name, expert.sort_name]
        for language in languages:
            values = (expert.translations or {}).get(language) or {}
            if values.get("sort_name"):
                keys[language] = sort_key(values["sort_name"])
            elif values.get("name"):
                keys[language] = sort_key(default_sort_name(values["name"]))
            else:
                keys[language] = source
            names += [values.get("name", ""), values.get("sort_name", "")]
        expert.sort_keys = keys
        expert.search_text = " | ".join(dict.fromkeys(fold(name) for name in names if name))
        expert.save(update_fields=["sort_keys", "search_text"])


def grant(apps, schema_editor):
    for app_label in ("articles", "experts"):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True  # the migration state's stub lacks it
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in ROLE_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        group.permissions.add(
            *[
                Permission.objects.get(content_type__app_label=app, codename=codename)
                for app, codename in permissions
            ]
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in ROLE_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for app, codename in permissions:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("experts", "0004_profiles"),
        ("articles", "0005_roles"),
    ]

    operations = [
        migrations.RunPython(derive_fields, migrations.RunPython.noop),
        migrations.RunPython(grant, revoke),
    ]
