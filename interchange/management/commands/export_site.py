"""manage.py export_site DIR: the whole site in the interchange format
(docs/import-format.md): DIR/site.jsonl and its files in DIR/media/."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from interchange.export import export_site

FILE_NAME = "site.jsonl"


class Command(BaseCommand):
    help = "Export every topic, region, image, expert and article as JSON Lines, with files."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory, **options):
        directory.mkdir(parents=True, exist_ok=True)
        written = 0
        with (directory / FILE_NAME).open("w", encoding="utf-8") as file:
            for record in export_site(directory):
                file.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
        self.stdout.write(
            _("%(count)d records written to %(file)s")
            % {"count": written, "file": directory / FILE_NAME}
            + "\n"
        )
