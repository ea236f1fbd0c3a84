from django.apps import AppConfig
from django.core.signals import setting_changed


class ThinktankConfig(AppConfig):
    """The project package as an app, so that site-wide template tags load."""

    name = "thinktank"
    verbose_name = "thinktank"

    def ready(self):
        # The page cache listens to every write (the apps say which models matter), the
        # request log counts every query; the chrome's kept parts and routes follow settings.
        from thinktank import cache_purges, chrome, languages, logging

        cache_purges.connect_signals()
        logging.connect_signals()
        setting_changed.connect(chrome.forget_fragments)
        setting_changed.connect(languages.forget_routes)
