"""
Permissions: the check every write makes on the server, and its refusal.

The frame checks permissions and names none: each app names its own in its
`permissions` module (experts.permissions, articles.permissions), beside the models
they are for, so the frame keeps naming no app and an app depends on nothing above it.
"""

from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def refused():
    """The refusal of a write the user may not make (raise it)."""
    return PermissionDenied(_("You do not have permission to do this."))


def require(user, permission):
    """Refuse (PermissionDenied) unless `user` has `permission`, "app_label.codename"."""
    if not user.has_perm(permission):
        raise refused()


def model_permission(action, model):
    """The name of Django's permission to `action` ("add", "change", ...) a `model`."""
    opts = model._meta
    return f"{opts.app_label}.{get_permission_codename(action, opts)}"
