"""The JSON endpoints of autosave.js and edit-lock.js, under each admin that has
EditingAdminMixin. An expired session gets 401 as JSON (never the login page), so the
page can say so and keep the work in the browser. See docs/autosave.md."""

import json
from functools import wraps

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from editing import selectors, services
from editing.models import NEW_OBJECT


def error(status, code, message):
    return JsonResponse({"error": code, "message": str(message)}, status=status)


def json_endpoint(view):
    """`view(request, model_admin, obj, object_id)` as an endpoint: CSRF-checked, never
    cached, answering in JSON an expired session (401), a refusal (403), a missing
    object (404) and bad input (400)."""

    @wraps(view)
    def endpoint(request, model_admin, object_id=NEW_OBJECT):
        user = request.user
        if not (user.is_active and user.is_staff):
            return error(401, "session_expired", _("Your session has expired."))
        if object_id == NEW_OBJECT:
            obj = None
            allowed = model_admin.has_add_permission(request)
        else:
            obj = model_admin.get_object(request, unquote(object_id))
            if obj is None:
                return error(404, "not_found", _("This object no longer exists."))
            allowed = model_admin.has_change_permission(request, obj)
            object_id = str(obj.pk)
        if not allowed:
            return error(403, "forbidden", _("You do not have permission to do this."))
        try:
            return view(request, model_admin, obj, object_id)
        except PermissionDenied as refusal:
            return error(403, "forbidden", refusal)
        except ValidationError as invalid:
            return error(400, "invalid", " ".join(invalid.messages))

    return never_cache(csrf_protect(endpoint))


def request_json(request):
    """The request's body as a JSON object, else ValidationError."""
    try:
        body = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise ValidationError(_("The request is not valid JSON.")) from None
    if not isinstance(body, dict):
        raise ValidationError(_("The request is not valid JSON."))
    return body


def moment(value):
    """A time as the page shows it, in the current language and time zone."""
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def autosave_json(autosave):
    if autosave is None:
        return None
    return {
        "data": autosave.data,
        "base_version": autosave.base_version,
        "saved_at": autosave.saved_at.isoformat(),
        "saved_at_display": moment(autosave.saved_at),
    }


@json_endpoint
def autosave_view(request, model_admin, obj, object_id):
    """GET: the user's own autosave of this form (or null) and a fresh CSRF token.
    POST {"data": form state, "base_version": n}: keep it. DELETE: discard it."""
    model = model_admin.model
    if request.method == "GET":
        autosave = selectors.autosave_of(user=request.user, model=model, object_id=object_id)
        return JsonResponse({"autosave": autosave_json(autosave), "csrf_token": get_token(request)})
    if request.method == "DELETE":
        services.autosave_discard(user=request.user, model=model, object_id=object_id)
        return JsonResponse({"autosave": None})
    if request.method != "POST":
        return error(405, "method", _("This address takes GET, POST or DELETE."))
    body = request_json(request)
    base_version = body.get("base_version")
    if base_version is not None and (not isinstance(base_version, int) or base_version < 0):
        raise ValidationError(_("The version is not a number."))
    autosave = services.autosave_store(
        user=request.user,
        model=model,
        object_id=object_id,
        data=body.get("data"),
        base_version=base_version,
    )
    return JsonResponse(
        {
            "autosave": {
                "saved_at": autosave.saved_at.isoformat(),
                "saved_at_display": moment(autosave.saved_at),
            }
        }
    )


def lock_json(lock, user):
    return {
        "mine": lock.user_id == user.pk,
        "holder": lock.user.get_full_name() or lock.user.get_username(),
        "since": lock.since.isoformat(),
        "since_display": moment(lock.since),
    }


@json_endpoint
def edit_lock_view(request, model_admin, obj, object_id):
    """POST {"take_over": bool}: the heartbeat of a page with this object's form open;
    answers who holds the lock now. POST {"release": true} (or a form field "release",
    as navigator.sendBeacon sends it): the page is closing."""
    if request.method != "POST" or obj is None:
        return error(405, "method", _("This address takes POST."))
    if request.content_type == "application/json":
        body = request_json(request)
    else:
        body = {"release": bool(request.POST.get("release"))}
    if body.get("release"):
        services.edit_lock_release(user=request.user, model=model_admin.model, object_id=object_id)
        return JsonResponse({"released": True})
    lock = services.edit_lock_heartbeat(
        user=request.user,
        model=model_admin.model,
        object_id=object_id,
        take_over=bool(body.get("take_over")),
    )
    return JsonResponse(lock_json(lock, request.user))
