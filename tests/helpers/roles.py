"""The role groups (Editors, Contributors, Expert managers), made again where a test needs them."""

from django.contrib.auth.models import Group, Permission


def make_roles(roles, apps=None):
    """
    The role groups `roles` ({name: [(app label, codename)]}) with their permissions,
    through `apps` (a migration state's models) or the current models.
    """
    group_model = apps.get_model("auth", "Group") if apps else Group
    permission_model = apps.get_model("auth", "Permission") if apps else Permission
    for name, permissions in roles.items():
        group, _created = group_model.objects.get_or_create(name=name)
        group.permissions.set(
            [
                permission_model.objects.get(content_type__app_label=app, codename=codename)
                for app, codename in permissions
            ]
        )
