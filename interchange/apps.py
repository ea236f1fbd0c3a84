from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterchangeConfig(AppConfig):
    """Moving in and out: the import of records (JSON Lines, WordPress), the export of
    the whole site, and the old addresses of what was imported. See docs/import-format.md."""

    name = "interchange"
    verbose_name = _("Import and export")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # An old address made by an import changes what a cached page answers.
        from interchange.models import LegacyPath
        from thinktank import cache_purges

        cache_purges.watch(LegacyPath)
