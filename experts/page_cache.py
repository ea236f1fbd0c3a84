"""What the site's page cache (thinktank.cache) must know of experts."""

from django.apps import apps


def register(page_cache):
    # An expert's name, photo or program shows on profiles, bylines and lists.
    page_cache.watch(*apps.get_app_config("experts").get_models(include_auto_created=True))
