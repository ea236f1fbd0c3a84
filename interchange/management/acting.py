"""Whose rights an import run from the shell writes with (the commands' --user)."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.utils.translation import gettext as _


def acting_user(username):
    """The user `username`, else the first active superuser: whose rights the writes
    of the import check."""
    users = get_user_model().objects.filter(is_active=True)
    user = (
        users.filter(username=username).first()
        if username
        else users.filter(is_superuser=True).order_by("pk").first()
    )
    if user is None:
        raise CommandError(
            _("No such active user: %(name)s") % {"name": username}
            if username
            else _("No active superuser to import as: name one with --user.")
        )
    return user
