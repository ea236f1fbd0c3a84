"""
The admin's writes through services: its bulk actions, one object at a time, and its
saves and deletions of a model (ServiceWritesAdminMixin).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
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


class ServiceWritesAdminMixin:
    """A ModelAdmin that saves and deletes through `save_service` and `delete_service`
    (staticmethods called as service(obj, user=...)); "delete selected" is all or none."""

    save_service = None
    delete_service = None

    def save_model(self, request, obj, form, change):
        self.save_service(obj, user=request.user)

    def delete_model(self, request, obj):
        self.delete_service(obj, user=request.user)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                self.delete_service(obj, user=request.user)
