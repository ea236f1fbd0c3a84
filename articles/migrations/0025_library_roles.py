"""
The image library in the editorial roles (issue 13): editors and contributors add
images and pick them for bodies; editors also change and delete them (a deletion is
refused while an article uses the image).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

IMAGE = [("library", "image")]


def codenames(models, actions):
    return [(app, f"{action}_{model}") for app, model in models for action in actions]


ROLES = {
    "Contributors": codenames(IMAGE, ["add", "view"]),
    "Editors": codenames(IMAGE, ["add", "change", "delete", "view"]),
}


def add_permissions(apps, schema_editor):
    app_config = apps.get_app_config("library")
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
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="library"))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0024_article_images"),
        ("library", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
