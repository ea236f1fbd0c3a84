"""The check every write makes, and its refusal; each app names its permissions in its
own `permissions` module."""

from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def refused():
    """The PermissionDenied to raise for a write the user may not make."""
    return PermissionDenied(_("You do not have permission to do this."))


def require(user, permission):
    """Refuse (PermissionDenied) unless `user` has `permission`, "app_label.codename"."""
    if not user.has_perm(permission):
        raise refused()


def model_permission(action, model):
    """The name of Django's permission to `action` ("add", "change", ...) a `model`."""
    opts = model._meta
    return f"{opts.app_label}.{get_permission_codename(action, opts)}"
