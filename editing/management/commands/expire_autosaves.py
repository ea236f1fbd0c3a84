from django.core.management.base import BaseCommand

from editing import services


class Command(BaseCommand):
    help = "Delete abandoned autosaves (older than AUTOSAVE_MAX_AGE). Run it daily."

    def handle(self, *args, **options):
        deleted = services.autosaves_expire()
        self.stdout.write(f"{deleted} autosave(s) deleted.")
