from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from library import page_cache
from thinktank import cache_purges


class LibraryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "library"
    verbose_name = _("Image library")

    def ready(self):
        # Pages showing a library image are cached: a changed or replaced image purges them.
        page_cache.register(cache_purges)
