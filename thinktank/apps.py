from django.apps import AppConfig


class ThinktankConfig(AppConfig):
    """The project package as an app, so that site-wide template tags load."""

    name = "thinktank"
    verbose_name = "thinktank"

    def ready(self):
        # The page cache listens to every write (the apps say which models matter), and
        # the request log counts every query.
        from thinktank import cache_purges, logging

        cache_purges.connect_signals()
        logging.connect_signals()
