"""
The import in the editorial roles (issue 15): an editor may import what an editor may
write (each write checks its own permission), so editors may also record what the
records became and the old addresses of imported pages, and correct those addresses.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Editors": [
        ("interchange", "add_sourcekey"),
        ("interchange", "change_sourcekey"),
        ("interchange", "view_sourcekey"),
        ("interchange", "add_legacypath"),
        ("interchange", "change_legacypath"),
        ("interchange", "delete_legacypath"),
        ("interchange", "view_legacypath"),
    ],
}


def add_permissions(apps, schema_editor):
    app_config = apps.get_app_config("interchange")
    app_config.models_module = True  # the migration state's stub lacks it
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *(
                Permission.objects.get(content_type__app_label=app, codename=codename)
                for app, codename in permissions
            )
        )


def remove_permissions(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="interchange"))


class Migration(migrations.Migration):
    dependencies = [
        ("interchange", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
