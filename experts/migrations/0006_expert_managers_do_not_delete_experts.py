"""Expert managers deactivate experts instead of deleting them (see the README): they
lose the permission to delete an expert. A former expert keeps their bylines and their
profile's history; deleting one is left to a superuser, for a profile made by mistake."""

from django.db import migrations

ROLE = "Expert managers"
PERMISSION = ("experts", "delete_expert")


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=ROLE).first()
    if group is not None:
        app_label, codename = PERMISSION
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        )


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=ROLE).first()
    if group is not None:
        app_label, codename = PERMISSION
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
        )


class Migration(migrations.Migration):
    dependencies = [("experts", "0005_profile_data_and_roles")]

    operations = [migrations.RunPython(revoke, grant)]
