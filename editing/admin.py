"""EditingAdminMixin: never losing work in a ModelAdmin's form: autosave and restore
(static/js/autosave.js), soft locks (static/js/edit-lock.js) and the concurrent-edit
refusal side by side (editing.conflicts). Put it first among an admin's bases and
include "editing/includes/editing.html" in its change form's `form_top` block. See
docs/autosave.md."""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from editing import conflicts, services, views
from editing.models import NEW_OBJECT
from editing.settings import EDIT_LOCK_HEARTBEAT

# The cookie telling autosave.js that a form was saved (its key): the copy the browser
# kept of it is dropped on the next admin page.
SAVED_COOKIE = "editing_saved"

STRINGS = {
    "saving": _("Saving a private copy…"),
    "saved": _("Your work is saved privately (%(time)s)."),
    "offline": _("You are offline: your work is kept in this browser until the server answers."),
    "expired": _(
        "Your session expired — log in again in another tab; your work is kept in this browser."
    ),
    "failed": _(
        "Your work could not be saved on the server (%(reason)s); it is kept in this browser."
    ),
    "restored": _("Your unsaved work was restored. Save to keep it."),
    "discarded": _("The unsaved work was discarded."),
    "not_restored": _("Some fields could not be restored: %(fields)s."),
    "yes": _("Yes"),
    "no": _("No"),
    "empty": "—",
    "lock_other": _("%(who)s has had this open (since %(since)s)."),
    "lock_taken": _(
        "%(who)s took over editing (at %(since)s). Your text is still in this form: save "
        "it only after comparing, or copy what you need."
    ),
    "lock_mine": _("You took over editing."),
    "merge_ready": _("Every difference is settled: saving will store this merged version."),
    "merge_pending": _("Differences still to settle: %(count)s."),
    "using_yours": _("Using yours"),
    "using_theirs": _("Using theirs"),
}


class EditingAdminMixin:
    """Autosave, soft locks and the side-by-side conflict for a ModelAdmin's form."""

    def get_urls(self):
        # Not wrapped in admin_view, which sends an expired session to the login page:
        # the endpoints answer it in JSON (editing.views.json_endpoint).
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}"
        urls = [
            path(
                "add/autosave/",
                self.editing_autosave_view,
                name=f"{name}_autosave_new",
            ),
            path(
                "<path:object_id>/autosave/",
                self.editing_autosave_view,
                name=f"{name}_autosave",
            ),
            path(
                "<path:object_id>/edit-lock/",
                self.editing_lock_view,
                name=f"{name}_edit_lock",
            ),
        ]
        return urls + super().get_urls()

    def editing_autosave_view(self, request, object_id=NEW_OBJECT):
        return views.autosave_view(request, self, object_id)

    def editing_lock_view(self, request, object_id):
        return views.edit_lock_view(request, self, object_id)

    @property
    def media(self):
        return super().media + forms.Media(
            js=[
                forms.Script("js/autosave.js", type="module"),
                forms.Script("js/edit-conflict.js", type="module"),
                "js/edit-lock.js",
            ],
            css={"all": ["css/admin-editing.css"]},
        )

    def editing_key(self, request, object_id):
        opts = self.model._meta
        return f"{request.user.pk}:{opts.app_label}.{opts.model_name}:{object_id or 'new'}"

    def editing_config(self, request, obj):
        """What the page's scripts need: addresses, the browser copy's key, strings."""
        opts = self.model._meta
        name = f"admin:{opts.app_label}_{opts.model_name}"
        if obj is None:
            autosave_url, lock_url = reverse(f"{name}_autosave_new"), None
        else:
            autosave_url = reverse(f"{name}_autosave", args=[obj.pk])
            lock_url = reverse(f"{name}_edit_lock", args=[obj.pk])
        return {
            "autosave_url": autosave_url,
            "lock_url": lock_url,
            "key": self.editing_key(request, obj.pk if obj else NEW_OBJECT),
            "base_version": getattr(obj, "version", None),
            # A refused submission: the form holds the editor's newest text.
            "bound": request.method == "POST",
            "saved_cookie": SAVED_COOKIE,
            "heartbeat_seconds": EDIT_LOCK_HEARTBEAT,
            "strings": {key: str(value) for key, value in STRINGS.items()},
        }

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        context["editing_config"] = self.editing_config(request, obj)
        if obj is not None and conflicts.is_refused_as_stale(form):
            rows = conflicts.conflict_rows(form)
            context["edit_conflict"] = {
                "rows": rows,
                "version": type(obj)._base_manager.values_list("version", flat=True).get(pk=obj.pk),
            }
        return super().render_change_form(request, context, add, change, form_url, obj)

    def work_saved(self, request, response, object_ids):
        """The form was saved: its autosaves are deleted, the user's lock released (the
        next page takes it again if it is the form), and the browser told to drop its
        copies."""
        for object_id in object_ids:
            services.autosave_discard(user=request.user, model=self.model, object_id=object_id)
            if object_id != NEW_OBJECT:
                services.edit_lock_release(user=request.user, model=self.model, object_id=object_id)
        response.set_cookie(
            SAVED_COOKIE,
            "|".join(self.editing_key(request, object_id) for object_id in object_ids),
            max_age=3600,
            samesite="Lax",
            secure=request.is_secure(),
        )
        return response

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        return self.work_saved(request, response, [NEW_OBJECT, str(obj.pk)])

    def response_change(self, request, obj):
        return self.work_saved(request, super().response_change(request, obj), [str(obj.pk)])
