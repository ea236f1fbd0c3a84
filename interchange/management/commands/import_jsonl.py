"""manage.py import_jsonl FILE: import a site written in the interchange format
(docs/import-format.md), as a superuser (or --user), with a report."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from interchange.importer import import_records
from interchange.management.acting import acting_user
from interchange.records import read_jsonl
from interchange.report import Report


def count_lines(path):
    lines = 0
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            lines += chunk.count(b"\n")
    return lines


class Command(BaseCommand):
    help = "Import records of the interchange format (JSON Lines), see docs/import-format.md."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--media-dir", type=Path, help="Where the images' files are (default: FILE's media/)."
        )
        parser.add_argument(
            "--source", help="The source's name, keying re-runs (default: jsonl:FILE's name)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Write nothing; report all.")
        parser.add_argument(
            "--report", type=Path, help="Also write the report here (.json or text)."
        )
        parser.add_argument("--user", help="Import as this user (default: the first superuser).")

    def handle(self, *args, file, media_dir, source, dry_run, report, user, **options):
        if not file.is_file():
            raise CommandError(_("No such file: %(name)s") % {"name": file})
        acting = acting_user(user)
        media_dir = media_dir or file.parent / "media"
        self.stderr.ending = ""  # the progress line rewrites itself ("\r")
        outcome = Report(progress=self.stderr, total=count_lines(file))
        with file.open("rb") as lines:
            import_records(
                read_jsonl(lines, outcome),
                source=source or f"jsonl:{file.stem}",
                media_dir=media_dir,
                user=acting,
                dry_run=dry_run,
                report=outcome,
            )
        outcome.print_summary(self.stdout)
        if report:
            outcome.write(report)
