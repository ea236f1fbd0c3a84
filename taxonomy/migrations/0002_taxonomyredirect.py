"""
LandingRedirect is named TaxonomyRedirect (issue 12: "landing" said nothing of what it
is). The table (articles_landingredirect, Meta.db_table) and its rows stay. The content
type keeps its id under the new name (Django renames it after RenameModel; done here too
should that not run), and its permissions take the new codenames, so the groups that
hold them keep them.
"""

from django.db import migrations, models

ACTIONS = ("add", "change", "delete", "view")


def rename(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type = ContentType.objects.filter(app_label="taxonomy", model=old).first()
    if content_type is not None:
        # A row already made under the new name (post_migrate) gives way to the one
        # the groups' permissions hang on.
        stale = ContentType.objects.filter(app_label="taxonomy", model=new)
        Permission.objects.filter(content_type__in=stale).delete()
        stale.delete()
        content_type.model = new
        content_type.save(update_fields=["model"])
    content_type = ContentType.objects.filter(app_label="taxonomy", model=new).first()
    if content_type is None:  # a fresh database: post_migrate makes them
        return
    for action in ACTIONS:
        permissions = Permission.objects.filter(content_type=content_type)
        if permissions.filter(codename=f"{action}_{old}").exists():
            permissions.filter(codename=f"{action}_{new}").delete()
            permissions.filter(codename=f"{action}_{old}").update(codename=f"{action}_{new}")
    ContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    rename(apps, "landingredirect", "taxonomyredirect")


def backwards(apps, schema_editor):
    rename(apps, "taxonomyredirect", "landingredirect")


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="landingredirect", name="landing_redirect_has_one_target"
        ),
        migrations.RenameModel(old_name="LandingRedirect", new_name="TaxonomyRedirect"),
        migrations.AddConstraint(
            model_name="taxonomyredirect",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("topic__isnull", True), ("region__isnull", True), _connector="XOR"
                ),
                name="taxonomy_redirect_has_one_target",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
