from django.apps import AppConfig


class ThinktankConfig(AppConfig):
    """The project package as an app, so that site-wide template tags load."""

    name = "thinktank"
    verbose_name = "thinktank"
