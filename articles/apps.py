from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from thinktank import chrome


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        # The search index follows every write of what it holds (articles.search).
        from articles.search import signals

        signals.connect()
        # Pages showing articles are cached: their writes and schedules purge them.
        from articles import page_cache
        from thinktank import cache

        page_cache.register(cache)
        # The section the header links to.
        chrome.register_section(_("Events"), "articles:events")
