"""manage.py import_wordpress EXPORT.xml: import a WordPress export (WXR) through the
interchange importer, as its mapping file says, with a report. See
docs/wordpress-import.md."""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from interchange.management.importing import ImportCommand, acting_user
from interchange.wordpress.mapping import Mapping, MappingError, read_mapping
from interchange.wordpress.records import source_of, wordpress_records
from interchange.wordpress.scan import scan_export
from interchange.wordpress.wxr import UnsafeExport


class Command(ImportCommand):
    help = "Import a WordPress export (WXR 1.2), see docs/wordpress-import.md."

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="The file WordPress's Tools > Export wrote.")
        parser.add_argument(
            "--media-dir",
            type=Path,
            help="A copy of the site's wp-content/uploads (default: EXPORT's uploads/, if "
            "there); nothing is downloaded.",
        )
        parser.add_argument("--mapping", type=Path, help="What becomes what (TOML).")
        super().add_arguments(parser)

    def handle(self, *args, export, media_dir, mapping, dry_run, report, user, **options):
        if not export.is_file():
            raise CommandError(_("No such export: %(name)s") % {"name": export})
        try:
            read = read_mapping(mapping) if mapping else Mapping()
        except MappingError as error:
            raise CommandError(str(error)) from error
        if media_dir is None and (export.parent / "uploads").is_dir():
            media_dir = export.parent / "uploads"
        acting = acting_user(user)
        try:
            index = scan_export(export, read)  # the first pass: images, groups, the total
        except UnsafeExport as error:
            raise CommandError(str(error)) from error
        outcome = self.progress_report(index.total)
        self.run_import(
            wordpress_records(export, read, outcome, index),
            outcome=outcome,
            report=report,
            source=source_of(index.site),
            media_dir=media_dir,
            user=acting,
            dry_run=dry_run,
        )
