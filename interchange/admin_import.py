"""The import in the admin, for editors without a shell (a mixin of LegacyPathAdmin):
step 1 uploads a WordPress export or a JSON Lines file (with a zip of the media and a
mapping) and shows the dry run's report; step 2 confirms and imports the same files,
then shows the report again with the imported articles. See docs/import-format.md
("In the admin")."""

import json
from datetime import datetime
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from interchange import selectors, uploads
from interchange.permissions import ADD_SOURCE_KEY
from interchange.report import CREATED, KIND_LABELS, OUTCOMES, SKIPPED, UNCHANGED, UPDATED
from interchange.wordpress.wxr import UnsafeExport

SOURCE_TYPES = ".xml,.jsonl,application/xml,text/xml"
# The outcomes as column heads (report.OUTCOME_LABELS' words are also a date field's).
OUTCOME_HEADS = {
    CREATED: pgettext_lazy("import outcome", "created"),
    UPDATED: pgettext_lazy("import outcome", "updated"),
    UNCHANGED: pgettext_lazy("import outcome", "unchanged"),
    SKIPPED: pgettext_lazy("import outcome", "skipped"),
}


class ImportUploadForm(forms.Form):
    source = forms.FileField(
        label=_("WordPress export (.xml) or JSON Lines file (.jsonl)"),
        widget=forms.ClearableFileInput(attrs={"accept": SOURCE_TYPES}),
    )
    media = forms.FileField(
        label=_("Media folder, zipped (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
        help_text=_("A zip of wp-content/uploads, or of the images the records name."),
    )
    mapping = forms.FileField(
        label=_("Mapping (optional, TOML)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".toml"}),
        help_text=_(
            "What becomes what: docs/wordpress-import.md says how for a WordPress export, "
            "docs/import-format.md for JSON Lines."
        ),
    )

    def _checked(self, name, check):
        upload = self.cleaned_data.get(name)
        if upload:
            try:
                check(upload)
            except uploads.UploadRefused as refused:
                raise forms.ValidationError(str(refused), code="refused") from refused
        return upload

    def full_clean(self):
        """Each field's errors tied to it for assistive technology (aria-describedby)."""
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                field = self.fields[name]
                described = [f"id_{name}_error"] + (
                    [f"id_{name}_helptext"] if field.help_text else []
                )
                field.widget.attrs.update({"aria-describedby": " ".join(described)})

    def clean_source(self):
        return self._checked("source", uploads.check_source)

    def clean_media(self):
        return self._checked("media", uploads.check_media)

    def clean_mapping(self):
        source = self.cleaned_data.get("source")
        found = uploads.FORMATS.get(Path(source.name).suffix.lower()) if source else None
        return self._checked(
            "mapping", lambda upload: uploads.check_mapping(upload, found or uploads.WORDPRESS)
        )


def may_import(user):
    return user.is_active and user.is_staff and user.has_perm(ADD_SOURCE_KEY)


class ImportAdminMixin:
    """The import pages, under the old addresses' admin (the interchange's section)."""

    def get_urls(self):
        view = self.admin_site.admin_view
        urls = [
            path("import/", view(self.import_view), name="interchange_import"),
            path(
                "import/<str:token>/",
                view(self.import_confirm_view),
                name="interchange_import_confirm",
            ),
            path(
                "import/<str:token>/report/",
                view(self.import_report_download),
                name="interchange_import_report",
            ),
        ]
        return urls + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "may_import": may_import(request.user)}
        return super().changelist_view(request, extra_context)

    def _import_page(self, request, context):
        return TemplateResponse(
            request,
            "admin/interchange/import.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Import a site"),
                "max_size": uploads.max_upload_size(),
                **context,
            },
        )

    def import_view(self, request):
        """GET: the upload form; POST: the files kept, a dry run, then its report."""
        if not may_import(request.user):
            raise PermissionDenied
        form = ImportUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            token = uploads.store_upload(
                request.user, data["source"], data.get("media"), data.get("mapping")
            )
            manifest = uploads.manifest_of(request.user, token)
            try:
                report, source = uploads.run_upload(request.user, token, manifest, dry_run=True)
            except UnsafeExport as refused:
                uploads.remove_upload(request.user, token)
                form.add_error("source", str(refused))
            else:
                uploads.save_report(request.user, token, report, final=False, source=source)
                return HttpResponseRedirect(
                    reverse("admin:interchange_import_confirm", args=[token])
                )
        return self._import_page(request, {"form": form})

    def import_confirm_view(self, request, token):
        """GET: the dry run's report and the Import button (or, once imported, the
        import's report); POST: the real import of the kept files, once."""
        if not may_import(request.user):
            raise PermissionDenied
        if request.method == "POST":
            manifest = uploads.claim_upload(request.user, token)
            if manifest is None:
                messages.warning(
                    request,
                    _(
                        "This upload was imported already, or it expired: nothing was "
                        "imported again. Upload the files again to import them again (an "
                        "import run again updates what changed and creates nothing twice)."
                    ),
                )
            else:
                started = timezone.now()
                try:
                    report, source = uploads.run_upload(
                        request.user, token, manifest, dry_run=False
                    )
                finally:
                    uploads.remove_files(request.user, token)
                uploads.save_report(
                    request.user,
                    token,
                    report,
                    final=True,
                    source=source,
                    started=started.isoformat(),
                )
                messages.success(request, _("The import is done."))
            return HttpResponseRedirect(request.path)
        report, final = uploads.saved_report(request.user, token)
        if report is None:
            raise Http404
        manifest = None if final else uploads.manifest_of(request.user, token)
        return self._import_page(
            request,
            {
                "report": report,
                "final": final,
                "manifest": manifest,
                "token": token,
                "counts": _count_rows(report),
                "sections": [
                    (_("Problems"), _lines(report["problems"]), "problems"),
                    (_("Notes: what was mapped where"), _lines(report["notes"]), "notes"),
                ],
                "articles": selectors.imported_articles(
                    report["source"], datetime.fromisoformat(report["started"])
                )
                if final
                else [],
            },
        )

    def import_report_download(self, request, token):
        """The report (the import's, else the dry run's) as a JSON file."""
        if not may_import(request.user):
            raise PermissionDenied
        report, final = uploads.saved_report(request.user, token)
        if report is None:
            raise Http404
        name = "import-report.json" if final else "import-dry-run-report.json"
        response = HttpResponse(
            json.dumps(report, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


def _count_rows(report):
    """[(kind, [(outcome label, number)])] of a report's counts, for a table."""
    return [
        (
            KIND_LABELS.get(kind, kind),
            [(OUTCOME_HEADS[outcome], counts.get(outcome, 0)) for outcome in OUTCOMES],
        )
        for kind, counts in report["counts"].items()
    ]


def _lines(lines):
    """A report's problems or notes with their kinds named in the page's language."""
    return [{**line, "kind": KIND_LABELS.get(line["kind"], line["kind"])} for line in lines]
