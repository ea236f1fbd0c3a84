"""manage.py import_jsonl FILE: import a site written in the interchange format
(docs/import-format.md), as a superuser (or --user), with a report."""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from interchange.management.importing import ImportCommand, acting_user
from interchange.mapping import MappingError, RecordMapping, mapped, read_record_mapping
from interchange.records import read_jsonl


def count_lines(path):
    lines = 0
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            lines += chunk.count(b"\n")
    return lines


class Command(ImportCommand):
    help = "Import records of the interchange format (JSON Lines), see docs/import-format.md."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--media-dir", type=Path, help="Where the images' files are (default: FILE's media/)."
        )
        parser.add_argument(
            "--source", help="The source's name, keying re-runs (default: jsonl:FILE's name)."
        )
        parser.add_argument(
            "--mapping", type=Path, help="What the records' words become here (TOML)."
        )
        super().add_arguments(parser)

    def handle(self, *args, file, media_dir, source, mapping, dry_run, report, user, **options):
        if not file.is_file():
            raise CommandError(_("No such file: %(name)s") % {"name": file})
        try:
            read = read_record_mapping(mapping) if mapping else RecordMapping()
        except MappingError as error:
            raise CommandError(str(error)) from error
        acting = acting_user(user)
        outcome = self.progress_report(count_lines(file))
        with file.open("rb") as lines:
            self.run_import(
                mapped(read_jsonl(lines, outcome), read, outcome),
                outcome=outcome,
                report=report,
                source=source or f"jsonl:{file.stem}",
                media_dir=media_dir or file.parent / "media",
                user=acting,
                dry_run=dry_run,
            )
