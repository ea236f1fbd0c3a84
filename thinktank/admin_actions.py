"""Bulk actions of the admin that write through a service, one object at a time."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from thinktank.concurrency import ConcurrentEditError


def run_service_action(modeladmin, request, queryset, service, done_message):
    """Call `service(obj, user=...)` for each selected object, as a single edit would;
    say how many were done and name those refused."""
    done, refused = 0, []
    for obj in queryset:
        try:
            service(obj, user=request.user)
        except (ConcurrentEditError, PermissionDenied):
            refused.append(str(obj))
        else:
            done += 1
    if done:
        modeladmin.message_user(request, done_message % {"count": done}, messages.SUCCESS)
    if refused:
        modeladmin.message_user(
            request,
            _("Not changed (someone else saved them meanwhile, or not allowed): %(titles)s")
            % {"titles": "; ".join(refused)},
            messages.ERROR,
        )
