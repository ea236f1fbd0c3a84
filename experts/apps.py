from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "experts"
    verbose_name = _("Experts")

    def ready(self):
        # Pages showing experts are cached: their writes purge them.
        from experts import page_cache
        from thinktank import cache

        page_cache.register(cache)
