"""The editorial roles as groups: Contributors, Editors, Expert managers."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_MODELS = [
    ("articles", "article"),
    ("articles", "articleauthor"),
    ("articles", "recommendation"),
    ("articles", "translationset"),
    ("articles", "topic"),
    ("articles", "region"),
    ("articles", "publicationtype"),
    ("taggit", "tag"),
    ("taggit", "taggeditem"),
]
EXPERT_MODELS = [("experts", "expert"), ("experts", "program")]


def codenames(models, actions):
    return [(app, f"{action}_{model}") for app, model in models for action in actions]


ROLES = {
    # Write and edit drafts, submit them for review; never publish.
    "Contributors": codenames(
        [("articles", "article"), ("articles", "articleauthor"), ("articles", "recommendation")],
        ["add", "change", "view"],
    )
    + codenames(CONTENT_MODELS[3:] + EXPERT_MODELS, ["view"]),
    # Everything on content, publishing included. Articles are archived, not deleted
    # (see the README): only a superuser may delete one.
    "Editors": codenames(CONTENT_MODELS, ["add", "change", "view"])
    + codenames([m for m in CONTENT_MODELS if m != ("articles", "article")], ["delete"])
    + [("articles", "publish_article")]
    + codenames(EXPERT_MODELS, ["view"]),
    # Experts and programs only.
    "Expert managers": codenames(EXPERT_MODELS, ["add", "change", "delete", "view"]),
}


def create_roles(apps, schema_editor):
    # Permissions are normally made after migrations; the groups need them now.
    for app_label in ("articles", "experts", "taggit"):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True  # the migration state's stub lacks it
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(
            [
                Permission.objects.get(content_type__app_label=app, codename=codename)
                for app, codename in permissions
            ]
        )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_workflow_states_and_version"),
        ("experts", "0002_translations"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
