"""What the import commands share: their common options, whose rights they write with
(--user), and how they run an import with its progress line and report."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from interchange.importer import import_records
from interchange.report import Report


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


class ImportCommand(BaseCommand):
    """A command that imports records: --dry-run, --report and --user, a progress line
    on stderr, the summary on stdout."""

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Write nothing; report all.")
        parser.add_argument(
            "--report", type=Path, help="Also write the report here (.json or text)."
        )
        parser.add_argument("--user", help="Import as this user (default: the first superuser).")

    def progress_report(self, total):
        """A Report showing its progress on stderr, out of `total`."""
        self.stderr.ending = ""  # the progress line rewrites itself ("\r")
        return Report(progress=self.stderr, total=total)

    def run_import(self, records, *, outcome, report, **options):
        """Import `records` into the Report `outcome` (import_records' `options`), print
        its summary, and write it to `report` if given."""
        import_records(records, report=outcome, **options)
        outcome.print_summary(self.stdout)
        if report:
            outcome.write(report)
