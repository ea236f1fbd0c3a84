from django.apps import AppConfig


class ThinktankConfig(AppConfig):
    """The project package as an app, so that site-wide template tags load."""

    name = "thinktank"
    verbose_name = "thinktank"

    def ready(self):
        # The page cache listens to every write; the apps say which models matter.
        from thinktank import cache

        cache.connect_signals()
