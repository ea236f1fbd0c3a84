"""A ModelAdmin's revision views: the list, a comparison of any two, a restore through
the app's service with a note. See docs/revisions.md."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from thinktank.concurrency import ConcurrentEditError
from thinktank.revision_compare import differences

# What the note typed on restoring may hold: the revision's note keeps the service's own
# words before it, within Revision.note's 200 characters.
RESTORE_NOTE_LENGTH = 120


def _when(revision):
    return formats.date_format(timezone.localtime(revision.created_at), "DATETIME_FORMAT")


class RevisionsAdminMixin:
    """The revision views of a ModelAdmin, at <id>/revisions/ and <id>/revisions/<id>/."""

    revision_schema = None  # a thinktank.revisions.RevisionSchema
    revision_list_fields = ()  # snapshot fields shown as the list's columns
    revisions_related_name = "revisions"
    restore_conflict_message = _(
        "Someone else saved this after you opened this page; nothing was restored. "
        "Look at the differences again before restoring."
    )

    def restore_revision(self, request, obj, revision):
        """Restore `revision` of `obj` through the app's service (which records it)."""
        raise NotImplementedError

    def restored(self, request, obj, revision, result):
        """Tell the user what restoring `revision` did (`restore_revision` returned `result`)."""
        self.message_user(request, _("The revision was restored."), messages.SUCCESS)

    def restore_note(self, request):
        """The note typed on restoring (why), for `restore_revision` to record."""
        return " ".join(request.POST.get("note", "").split())[:RESTORE_NOTE_LENGTH]

    def revision_label(self, revision):
        """What kind of revision this is, shown before its note ("" for a plain save)."""
        return ""

    def revision_context(self, request, obj, revision):
        """More of the revision page's context (say, what else may be done with it)."""
        return {}

    def submitted_relations(self, form, formsets):
        """The schema's relations the change form edits, as a snapshot holds them."""
        relations = {}
        for relation in self.revision_schema.relations:
            if relation.name in form.cleaned_data:
                relations[relation.name] = relation.from_form(form.cleaned_data[relation.name])
            for formset in formsets:
                if getattr(relation, "row_model", None) is formset.model:
                    relations[relation.name] = relation.from_forms(formset.forms)
        return relations

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        revision_urls = [
            path(
                "<path:object_id>/revisions/",
                self.admin_site.admin_view(self.revisions_view),
                name="{}_{}_revisions".format(*info),
            ),
            path(
                "<path:object_id>/revisions/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="{}_{}_revision_compare".format(*info),
            ),
            path(
                "<path:object_id>/revisions/<int:revision_id>/",
                self.admin_site.admin_view(self.revision_view),
                name="{}_{}_revision".format(*info),
            ),
        ]
        return revision_urls + super().get_urls()

    def revision_templates(self, name):
        info = self.opts.app_label, self.opts.model_name
        return ["admin/{}/{}/{}".format(*info, name), f"admin/{name}"]

    def revisions_of(self, obj):
        return getattr(obj, self.revisions_related_name)

    def _object_or_refuse(self, request, object_id):
        obj = self.get_object(request, object_id)
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def revisions_view(self, request, object_id):
        """The history: every saved revision, to view, compare or restore."""
        obj = self._object_or_refuse(request, object_id)
        schema = self.revision_schema
        columns = [schema.model._meta.get_field(name) for name in self.revision_list_fields]
        revisions = list(self.revisions_of(obj).select_related("user"))
        for revision in revisions:
            revision.label = self.revision_label(revision)
            revision.columns = [
                schema.display(field.name, revision.data.get(field.name)) for field in columns
            ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": _("Revisions of “%(title)s”") % {"title": obj},
            "columns": [field.verbose_name for field in columns],
            "revisions": revisions,
            # Preselected: the latest change (the one before the latest, to the latest).
            "compare_from": revisions[1].pk if len(revisions) > 1 else None,
            "compare_to": revisions[0].pk if revisions else None,
        }
        return TemplateResponse(request, self.revision_templates("revision_list.html"), context)

    def revision_view(self, request, object_id, revision_id):
        """A revision compared with now (or ?against=<id>); POST restores it."""
        obj = self._object_or_refuse(request, object_id)
        revision = get_object_or_404(self.revisions_of(obj), pk=revision_id)
        if request.method == "POST":
            return self.restore(request, obj, revision)
        against = request.GET.get("against")
        if against and against.isdigit():
            other = get_object_or_404(self.revisions_of(obj), pk=against)
            newer, label = other.data, _when(other)
        else:
            newer, label = self.revision_schema.snapshot(obj), _("now")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "revision": revision,
            "against_label": label,
            "differences": self.differences(obj, revision.data, newer),
            "can_restore": self.has_change_permission(request, obj),
            "restore_note_length": RESTORE_NOTE_LENGTH,
            "title": _("Revision of %(when)s") % {"when": _when(revision)},
            "revision_label": self.revision_label(revision),
            **self.revision_context(request, obj, revision),
        }
        return TemplateResponse(request, self.revision_templates("revision_detail.html"), context)

    def differences(self, obj, old, new):
        """What differs from snapshot `old` to `new`, rendered (thinktank.revision_compare)."""
        return differences(self.revision_schema, old, new, language=getattr(obj, "language", None))

    def compare_view(self, request, object_id):
        """Any two revisions compared, the older first: ?from=<id>&to=<id>."""
        obj = self._object_or_refuse(request, object_id)
        info = self.opts.app_label, self.opts.model_name
        chosen = {request.GET.get("from", ""), request.GET.get("to", "")}
        pair = []
        if len(chosen) == 2 and all(value.isdigit() for value in chosen):
            pair = list(self.revisions_of(obj).select_related("user").filter(pk__in=chosen))
        if len(pair) != 2:  # not two, or not this object's
            self.message_user(
                request,
                _("Choose two different revisions of this page to compare."),
                messages.ERROR,
            )
            return HttpResponseRedirect(
                reverse("admin:{}_{}_revisions".format(*info), args=[obj.pk])
            )
        older, newer = sorted(pair, key=lambda revision: (revision.created_at, revision.pk))
        for revision in (older, newer):
            revision.label = self.revision_label(revision)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "older": older,
            "newer": newer,
            "differences": self.differences(obj, older.data, newer.data),
            "title": _("Changes from %(older)s to %(newer)s")
            % {"older": _when(older), "newer": _when(newer)},
        }
        return TemplateResponse(request, self.revision_templates("revision_compare.html"), context)

    def restore(self, request, obj, revision):
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        loaded = request.POST.get("loaded_version", "")
        if loaded.isdigit() and hasattr(obj, "version"):
            obj.version = int(loaded)  # the version the page showed: the UPDATE compares it
        try:
            result = self.restore_revision(request, obj, revision)
        except ConcurrentEditError:
            self.message_user(request, self.restore_conflict_message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        except (PermissionDenied, ValidationError) as refusal:
            text = " ".join(refusal.messages) if isinstance(refusal, ValidationError) else refusal
            self.message_user(
                request, str(text) or _("This revision cannot be restored."), messages.ERROR
            )
            return HttpResponseRedirect(request.get_full_path())
        self.restored(request, obj, revision, result)
        info = self.opts.app_label, self.opts.model_name
        return HttpResponseRedirect(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
